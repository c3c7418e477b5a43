package model

import "time"

// ConsentAction is what to do with a banner.
type ConsentAction string

const (
	// Accept clicks the first-layer accept-all.
	ActionAccept ConsentAction = "accept"
	// Reject refuses every non-essential purpose, through the settings layer
	// when the first layer has no reject.
	ActionReject ConsentAction = "reject"
	// Detect looks without choosing: it describes the banner and, when the
	// banner has a settings layer, opens it to read which purposes are
	// already on (Result.PreTicked), then leaves it without saving.
	ActionDetect ConsentAction = "detect"
)

// ConsentSummary is the site-level consent section of the report. Field names are
// part of the JSON contract.
type ConsentSummary struct {
	BannerDetected     bool    `json:"banner_detected"`
	CMP                *string `json:"cmp"`
	AcceptClicked      bool    `json:"accept_clicked"`
	RejectClicked      bool    `json:"reject_clicked"`
	RejectOnFirstLayer bool    `json:"reject_on_first_layer"`
	AcceptClicks       int     `json:"accept_clicks"`
	RejectClicks       int     `json:"reject_clicks"`
	// AcceptEffective and RejectEffective say whether each choice took
	// effect, from what the page exposed after it (TCF, GPP, Consent
	// Mode, the platform's own record); nil when nothing was readable.
	AcceptEffective *ChoiceEffect `json:"accept_effective,omitempty"`
	RejectEffective *ChoiceEffect `json:"reject_effective,omitempty"`
}

// ConsentResult is the outcome of one Act call on one page.
type ConsentResult struct {
	Action         ConsentAction `json:"action"`
	BannerDetected bool          `json:"banner_detected"`
	// CMP names the platform, or "generic" for the heuristic fallback.
	CMP string `json:"cmp,omitempty"`
	// Clicked is true when the action was carried out.
	Clicked bool `json:"clicked"`
	// Clicks is how many clicks the action took.
	Clicks int `json:"clicks"`
	// FirstLayer is true when the action was available on the first layer.
	FirstLayer bool `json:"first_layer"`
	// Verified is true when the banner went away after the click.
	Verified bool `json:"verified"`
	// Elements are the elements clicked, in order. For Detect they are the
	// clicks that opened the settings layer (Clicked stays false: no choice
	// was made).
	Elements []Clicked `json:"elements,omitempty"`
	Error    string    `json:"error,omitempty"`
	// DurationMS is the time from the start of the search to verification.
	DurationMS int64 `json:"duration_ms"`

	// Method is how the banner was operated: "rule" (the platform's rule
	// file), "generic" (the vocabulary fallback) or "config" (selectors from
	// .privacyscan.yaml).
	Method string `json:"method,omitempty"`
	// WaitMS is the part of DurationMS spent waiting for the banner to show;
	// DurationMS-WaitMS is the time from banner visible to verified consent.
	WaitMS int64 `json:"wait_ms"`
	// Banner describes the first layer as found.
	Banner *Banner `json:"banner,omitempty"`
	// RejectAvailable is true when the first layer offers a reject-all (set
	// for every action, so an accept run can tell too).
	RejectAvailable bool `json:"reject_available"`
	// SettingsAvailable tells whether a settings layer can be reached from
	// the first layer (a settings button, or the platform's own way in),
	// measured with RejectAvailable whenever a banner showed. It is a
	// pointer because recordings made before the field existed lack it:
	// nil means not measured, and rules then keep the recorded CookieWall
	// rather than judge without the measurement.
	SettingsAvailable *bool `json:"settings_available,omitempty"`
	// ConsentRecord names the cookies and localStorage keys that hold the
	// choice after the action.
	ConsentRecord []string `json:"consent_record,omitempty"`
	// ConsentStored is true when no banner showed because a consent record
	// of a detected platform was already present.
	ConsentStored bool `json:"consent_stored,omitempty"`
	// PreTicked lists the purposes (toggle labels) that were already on when
	// the settings layer opened, before any choice: read by Detect, which
	// opens the layer without switching anything, and switched off by a
	// Reject that goes through the layer. Locked toggles are left out.
	PreTicked []string `json:"pre_ticked,omitempty"`
	// SettingsRead is true when the settings layer was opened and its
	// toggles read, so that an empty PreTicked means none was on rather
	// than not looked at.
	SettingsRead bool `json:"settings_read,omitempty"`
	// CookieWall is true when the banner blocks the page (it and its
	// backdrop cover most of the viewport, or it locks scrolling) and offers
	// no way to refuse: no reject, no settings layer. It is a verdict, not a
	// measurement: the consent engine leaves it false and rules.Derive sets
	// it from Banner.Coverage, Banner.ScrollLocked, RejectAvailable and
	// SettingsAvailable (rules.IsCookieWall); recordings made before then
	// carry the engine's own verdict, which Derive keeps.
	CookieWall bool `json:"cookie_wall"`
	// BannerReturned is true when Options.Recheck reloaded the page after a
	// verified choice and the banner showed again.
	BannerReturned bool `json:"banner_returned"`
	// Rechecked is true when the page was reloaded after the choice (the
	// scanner then need not load it again).
	Rechecked bool `json:"rechecked,omitempty"`
	// Signals are the TCF and Google Consent Mode states read after the
	// action (before it, for Detect).
	Signals *Signals `json:"signals,omitempty"`
	// Retries counts clicks repeated because the first had no visible
	// effect (a platform that binds its buttons late); they are not in
	// Clicks.
	Retries int `json:"retries,omitempty"`
	// Screenshots are the evidence files written: the banner before the
	// click and the page after it.
	Screenshots []string `json:"screenshots,omitempty"`
	// Controls are the visible controls of the banner's first layer as it
	// showed before any click, each classified (accept, reject, settings,
	// save, close, other) with the reason: the rules judge the first layer
	// from them rather than from the path the engine then took.
	Controls []Control `json:"controls,omitempty"`
	// Effect says whether the choice took effect, from Signals (nil for
	// Detect, and when the page exposed nothing readable).
	Effect *ChoiceEffect `json:"effect,omitempty"`

	// Scrolled is true when no banner showed within the wait and the
	// engine scrolled the page, as a person reading it would, and looked
	// again (some banners show only after the first scroll). With
	// BannerDetected, the banner showed only after the scroll; without, the
	// page was scrolled and still showed none. Only a page that showed no
	// banner is scrolled, so a platform that takes scrolling for consent
	// has not been given it.
	Scrolled bool `json:"scrolled,omitempty"`
	// Unsettled is true when the banner never settled: it kept changing (a
	// countdown, a carousel, a progress bar) for as long as the engine
	// waited for it to stop, and was measured and operated as it was.
	Unsettled bool `json:"unsettled,omitempty"`
	// NewTabs are the addresses of the tabs the clicks opened (a link with
	// target=_blank, a handler calling window.open). The engine closed them
	// and went on in the page's own tab.
	NewTabs []string `json:"new_tabs,omitempty"`
	// Notes say in words what the engine did beyond the clicks (it
	// scrolled, the banner never settled, a click opened a tab), for the
	// auditor reading the evidence.
	Notes []string `json:"notes,omitempty"`
}

// Control classes of Control.Class.
const (
	ControlAccept   = "accept"
	ControlReject   = "reject"
	ControlSettings = "settings"
	ControlSave     = "save"
	ControlClose    = "close"
	ControlOther    = "other"
)

// Control is one visible control of a consent banner: a button, a link, a
// close icon or a switch, and what it does.
type Control struct {
	// Label is the text a person reads on it (its text, else its
	// aria-label, title or value).
	Label string `json:"label"`
	// Class is one of accept, reject, settings, save, close or other. A
	// refusal is a reject: reject all, necessary only, continue without
	// accepting, or a close the banner says refuses.
	Class string `json:"class"`
	// Reason says why: which text, role, aria attribute or position gave
	// the class.
	Reason string `json:"reason"`
	// Tag is the element's tag name; Role its ARIA role, if any.
	Tag  string `json:"tag"`
	Role string `json:"role,omitempty"`
	// Frame is the URL of the frame that holds it.
	Frame string `json:"frame,omitempty"`

	// Prominence, measured as rendered before any click (zero when not
	// measured, as in recordings made before these fields existed).
	// Box is its border box in CSS pixels of its frame's viewport.
	Box *Box `json:"box,omitempty"`
	// FontSize is the computed font size of its label, in CSS pixels.
	FontSize float64 `json:"font_size,omitempty"`
	// Color and Background are the label's colour and the opaque colour
	// painted behind it (#rrggbb): transparent backgrounds resolved up the
	// ancestors, the control's opacity applied to the text.
	Color      string `json:"color,omitempty"`
	Background string `json:"background,omitempty"`
	// Contrast is the WCAG 2 contrast ratio of Color on Background (1..21).
	Contrast float64 `json:"contrast,omitempty"`
	// Look is how it is styled: LookFilled (a button with a background of
	// its own), LookOutlined (a button drawn by its border), LookLink (an
	// underlined or bare link) or LookText (bare text).
	Look string `json:"look,omitempty"`
}

// Looks of Control.Look.
const (
	LookFilled   = "filled"
	LookOutlined = "outlined"
	LookLink     = "link"
	LookText     = "text"
)

// Box is an element's rectangle in CSS pixels.
type Box struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

// Area is the box's area in square CSS pixels; 0 for a nil box.
func (b *Box) Area() float64 {
	if b == nil {
		return 0
	}
	return b.Width * b.Height
}

// ShowsReject tells whether the controls include a refusal, and so whether
// a reject was offered on the layer they were read from.
func ShowsReject(cs []Control) bool {
	for _, c := range cs {
		if c.Class == ControlReject {
			return true
		}
	}
	return false
}

// Banner describes a consent banner's first layer.
type Banner struct {
	// Frame is the URL of the frame that holds it.
	Frame string `json:"frame"`
	// Selector is a CSS path to it (" >>> " crosses a shadow root).
	Selector string `json:"selector,omitempty"`
	// Text is the start of its visible text.
	Text string `json:"text,omitempty"`
	// Buttons lists the labels of its buttons by class (accept_all, reject,
	// settings, ...), as the generic vocabulary reads them.
	Buttons map[string][]string `json:"buttons,omitempty"`
	// Coverage is the share of the viewport it blocks, 0..1: where a click
	// lands on the banner or on a bare backdrop behind it rather than on the
	// page. A banner in an iframe is measured by its iframe in the page.
	Coverage float64 `json:"coverage"`
	// ScrollLocked is true when the page under it is taller than the
	// viewport but cannot scroll.
	ScrollLocked bool `json:"scroll_locked"`
}

// Clicked records one element the engine clicked.
type Clicked struct {
	Frame    string `json:"frame,omitempty"`
	Selector string `json:"selector"`
	Text     string `json:"text"`
	// Input is "mouse" for a real mouse click at the element's centre, or
	// "js" when something covered it and element.click() was used.
	Input string `json:"input,omitempty"`
}

// Signals are the machine-readable consent states a page exposes.
type Signals struct {
	// TCF is the IAB TCF v2 state read through __tcfapi; nil when the page
	// has no __tcfapi.
	TCF *TCF `json:"tcf,omitempty"`
	// ConsentMode is the Google Consent Mode state read from dataLayer; nil
	// when the page sent no consent command.
	ConsentMode *ConsentMode `json:"consent_mode,omitempty"`
	// GPP is the IAB Global Privacy Platform state read through __gpp; nil
	// when the page has no __gpp.
	GPP *GPP `json:"gpp,omitempty"`
	// Records are the consent platforms' own records whose format is
	// known, read from cookies and localStorage.
	Records []ConsentRecordState `json:"records,omitempty"`
}

// TCF is what __tcfapi('addEventListener', 2, ...) reported.
type TCF struct {
	CMPID       int    `json:"cmp_id"`
	CMPVersion  int    `json:"cmp_version"`
	GDPRApplies *bool  `json:"gdpr_applies,omitempty"`
	EventStatus string `json:"event_status,omitempty"`
	CMPStatus   string `json:"cmp_status,omitempty"`
	TCString    string `json:"tc_string,omitempty"`
	// Decoded is the TC string decoded; nil when empty or invalid (see
	// DecodeError).
	Decoded     *TCString `json:"decoded,omitempty"`
	DecodeError string    `json:"decode_error,omitempty"`
}

// ConsentMode is the Google Consent Mode v2 state of a page.
type ConsentMode struct {
	// Default is the merged state of the 'default' commands
	// (ad_storage: "granted"...), Update that of the 'update' commands.
	Default map[string]string `json:"default,omitempty"`
	Update  map[string]string `json:"update,omitempty"`
	// Commands are the commands in dataLayer order.
	Commands []ConsentCommand `json:"commands"`
}

// ConsentCommand is one gtag('consent', command, params) call.
type ConsentCommand struct {
	Command string            `json:"command"`
	Params  map[string]string `json:"params"`
}

// Granted reports the state of one storage type after the updates: the last
// update, else the default; "" when never set.
func (c *ConsentMode) Granted(kind string) string {
	if c == nil {
		return ""
	}
	if v, ok := c.Update[kind]; ok {
		return v
	}
	return c.Default[kind]
}

// TCString is the decoded core segment of an IAB TCF v2 consent string.
type TCString struct {
	Version             int       `json:"version"`
	Created             time.Time `json:"created"`
	LastUpdated         time.Time `json:"last_updated"`
	CMPID               int       `json:"cmp_id"`
	CMPVersion          int       `json:"cmp_version"`
	ConsentScreen       int       `json:"consent_screen"`
	ConsentLanguage     string    `json:"consent_language"`
	VendorListVersion   int       `json:"vendor_list_version"`
	PolicyVersion       int       `json:"policy_version"`
	IsServiceSpecific   bool      `json:"is_service_specific"`
	UseNonStandardTexts bool      `json:"use_non_standard_texts"`
	// SpecialFeatures are the special feature ids opted in (1 precise
	// geolocation, 2 device scanning).
	SpecialFeatures []int `json:"special_features"`
	// Purposes are the purpose ids (1..24) with consent.
	Purposes []int `json:"purposes"`
	// PurposesLI are the purpose ids whose legitimate interest was
	// established (not objected to).
	PurposesLI          []int  `json:"purposes_li"`
	PurposeOneTreatment bool   `json:"purpose_one_treatment"`
	PublisherCC         string `json:"publisher_cc"`
	// Vendors are the vendor ids with consent; VendorsLI with legitimate
	// interest.
	Vendors   []int `json:"vendors"`
	VendorsLI []int `json:"vendors_li"`
}

// GPP is what the page's IAB Global Privacy Platform API (__gpp) reported:
// ping (GPP 1.1 carries the string and parsed sections in it), else
// getGPPData (GPP 1.0).
type GPP struct {
	Version            string   `json:"version,omitempty"`
	CMPID              int      `json:"cmp_id,omitempty"`
	CMPStatus          string   `json:"cmp_status,omitempty"`
	SignalStatus       string   `json:"signal_status,omitempty"`
	ApplicableSections []int    `json:"applicable_sections,omitempty"`
	SupportedAPIs      []string `json:"supported_apis,omitempty"`
	GPPString          string   `json:"gpp_string,omitempty"`
	// Decoded is the GPP string decoded; nil when empty or invalid (see
	// DecodeError).
	Decoded     *GPPString `json:"decoded,omitempty"`
	DecodeError string     `json:"decode_error,omitempty"`
}

// GPPString is a decoded GPP string: the section ids of its header and
// each section, decoded where its format is known.
type GPPString struct {
	SectionIDs []int        `json:"section_ids"`
	Sections   []GPPSection `json:"sections"`
}

// GPPSection is one section of a GPP string.
type GPPSection struct {
	ID   int    `json:"id"`
	Name string `json:"name,omitempty"`
	Raw  string `json:"raw"`
	// TCF is the tcfeuv2 section (a TC string), USNat the usnat section,
	// USP the uspv1 section; nil for sections not decoded.
	TCF   *TCString  `json:"tcf,omitempty"`
	USNat *USNat     `json:"usnat,omitempty"`
	USP   *USPrivacy `json:"usp,omitempty"`
	Error string     `json:"error,omitempty"`
}

// USNat is the core of the GPP usnat section. Notices read 1 given, 2 not
// given; opt-outs 1 opted out, 2 did not opt out; 0 is not applicable.
type USNat struct {
	Version                             int   `json:"version"`
	SharingNotice                       int   `json:"sharing_notice"`
	SaleOptOutNotice                    int   `json:"sale_opt_out_notice"`
	SharingOptOutNotice                 int   `json:"sharing_opt_out_notice"`
	TargetedAdvertisingOptOutNotice     int   `json:"targeted_advertising_opt_out_notice"`
	SensitiveDataProcessingOptOutNotice int   `json:"sensitive_data_processing_opt_out_notice"`
	SensitiveDataLimitUseNotice         int   `json:"sensitive_data_limit_use_notice"`
	SaleOptOut                          int   `json:"sale_opt_out"`
	SharingOptOut                       int   `json:"sharing_opt_out"`
	TargetedAdvertisingOptOut           int   `json:"targeted_advertising_opt_out"`
	SensitiveDataProcessing             []int `json:"sensitive_data_processing"`
	KnownChildSensitiveDataConsents     []int `json:"known_child_sensitive_data_consents"`
	PersonalDataConsents                int   `json:"personal_data_consents"`
	MspaCoveredTransaction              int   `json:"mspa_covered_transaction"`
	MspaOptOutOptionMode                int   `json:"mspa_opt_out_option_mode"`
	MspaServiceProviderMode             int   `json:"mspa_service_provider_mode"`
}

// USPrivacy is the CCPA string (uspv1): Y, N or - for each field.
type USPrivacy struct {
	Notice     string `json:"notice"`
	OptOutSale string `json:"opt_out_sale"`
	LSPA       string `json:"lspa"`
}

// ConsentRecordState is a consent platform's own record of the choice (a
// cookie or storage key whose format is known, or of no known format whose
// name and value plainly state categories: Format then starts with
// "inferred: "), as read after an action.
// Its value is not kept: it may identify the visitor.
type ConsentRecordState struct {
	// Name is the cookie or storage key; Format the platform whose format
	// it was read as.
	Name   string `json:"name"`
	Format string `json:"format"`
	// Granted and Denied are the purposes, categories or services it lists
	// as on and off.
	Granted []string `json:"granted"`
	Denied  []string `json:"denied"`
}

// ChoiceEffect says whether a choice took effect, from what the page
// exposes after it: TCF, GPP, Google Consent Mode and the platform's own
// record. Nil where nothing readable was exposed.
type ChoiceEffect struct {
	// Effective: the sources agree with the choice. An accept is
	// effective when non-essential purposes are granted; a reject when
	// they are denied. A reject after which a source says everything is
	// granted is not.
	Effective bool `json:"effective"`
	// Evidence is what each source said.
	Evidence []ChoiceEvidence `json:"evidence"`
}

// ChoiceEvidence is one source's account of a choice.
type ChoiceEvidence struct {
	// Source is "tcf", "gpp:tcfeuv2", "gpp:usnat", "gpp:uspv1",
	// "consent-mode", "record:<name>" or "record-generic:<name>" (a record
	// of no known format whose categories were inferred).
	Source string `json:"source"`
	// Granted and Denied are the non-essential purposes it reports on and
	// off.
	Granted []string `json:"granted,omitempty"`
	Denied  []string `json:"denied,omitempty"`
	// Agrees tells whether this source agrees with the choice.
	Agrees bool   `json:"agrees"`
	Detail string `json:"detail"`
}

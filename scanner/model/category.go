package model

// Categories. More specific ones may be added; these are the contract.
const (
	CategoryEssential   = "essential"
	CategoryFunctional  = "functional"
	CategoryAnalytics   = "analytics"
	CategoryAdvertising = "advertising"
	CategorySocial      = "social"
	CategoryUnknown     = "unknown"
)

// Finer categories. Each has a base category (see BaseCategory) so a rule can
// treat, say, session recording as analytics, and a payment or CDN vendor as
// essential when it lowers a finding's severity.
const (
	CategoryConsent          = "consent"           // consent management platforms; base essential
	CategoryPayment          = "payment"           // payment providers and checkout; base essential
	CategoryCDN              = "cdn"               // content delivery, static hosting; base essential
	CategorySecurity         = "security"          // bot protection, captcha, fraud prevention; base essential
	CategoryPlatform         = "platform"          // the shop system itself (carts, sessions); base essential
	CategoryFonts            = "fonts"             // web font services; base functional
	CategoryTagManager       = "tag-manager"       // tag managers, which load other tags; base functional
	CategoryChat             = "chat"              // customer interaction, chat, helpdesk widgets; base functional
	CategoryVideo            = "video"             // embedded video players; base functional
	CategoryMaps             = "maps"              // embedded maps; base functional
	CategoryReviews          = "reviews"           // reviews and ratings widgets; base functional
	CategorySearch           = "search"            // site search and merchandising; base functional
	CategoryPersonalization  = "personalization"   // recommendations and personalisation; base functional
	CategorySessionRecording = "session-recording" // session replay and heatmaps; base analytics
	CategoryABTesting        = "ab-testing"        // A/B testing and experimentation; base analytics
	CategoryMonitoring       = "monitoring"        // error tracking and real-user monitoring; base analytics
	CategoryEmailMarketing   = "email-marketing"   // email and marketing automation; base advertising
	CategoryAffiliate        = "affiliate"         // affiliate networks and attribution; base advertising
)

// CategoryInfo describes one category.
type CategoryInfo struct {
	// Name is the value found in Match.Category and Vendor.Category.
	Name string `json:"name"`
	// Base is one of essential, functional, analytics, advertising, social
	// or unknown.
	Base string `json:"base"`
	// Description says what falls in the category.
	Description string `json:"description"`
}

var categoryList = []CategoryInfo{
	{CategoryEssential, CategoryEssential, "strictly necessary for a service the visitor asked for"},
	{CategoryFunctional, CategoryFunctional, "remembers choices or provides a feature the visitor may use"},
	{CategoryAnalytics, CategoryAnalytics, "measures audiences and behaviour"},
	{CategoryAdvertising, CategoryAdvertising, "advertising, retargeting and conversion tracking"},
	{CategorySocial, CategorySocial, "social networks: buttons, embeds, logins"},
	{CategoryUnknown, CategoryUnknown, "nothing is known"},
	{CategoryConsent, CategoryEssential, "consent management platform; stores the visitor's choice"},
	{CategoryPayment, CategoryEssential, "payment provider, checkout and its fraud checks"},
	{CategoryCDN, CategoryEssential, "content delivery network or static file hosting"},
	{CategorySecurity, CategoryEssential, "bot protection, captcha, fraud prevention"},
	{CategoryPlatform, CategoryEssential, "the shop or site system itself: sessions, carts, log-in"},
	{CategoryFonts, CategoryFunctional, "web fonts served by a third party"},
	{CategoryTagManager, CategoryFunctional, "tag manager that loads other tags"},
	{CategoryChat, CategoryFunctional, "customer interaction: chat, helpdesk, feedback widgets"},
	{CategoryVideo, CategoryFunctional, "embedded video player"},
	{CategoryMaps, CategoryFunctional, "embedded maps"},
	{CategoryReviews, CategoryFunctional, "reviews and ratings widgets"},
	{CategorySearch, CategoryFunctional, "site search and merchandising"},
	{CategoryPersonalization, CategoryFunctional, "product recommendations and personalisation"},
	{CategorySessionRecording, CategoryAnalytics, "session replay and heatmaps"},
	{CategoryABTesting, CategoryAnalytics, "A/B testing and experimentation"},
	{CategoryMonitoring, CategoryAnalytics, "error tracking and real-user performance monitoring"},
	{CategoryEmailMarketing, CategoryAdvertising, "email marketing and marketing automation"},
	{CategoryAffiliate, CategoryAdvertising, "affiliate networks and marketing attribution"},
}

var categoryBase = func() map[string]string {
	m := make(map[string]string, len(categoryList))
	for _, c := range categoryList {
		m[c.Name] = c.Base
	}
	return m
}()

// Categories lists every category, base categories first.
func Categories() []CategoryInfo {
	return append([]CategoryInfo(nil), categoryList...)
}

// BaseCategory maps a category to one of essential, functional, analytics,
// advertising, social or unknown. An unknown name maps to unknown.
func BaseCategory(category string) string {
	if b, ok := categoryBase[category]; ok {
		return b
	}
	return CategoryUnknown
}

// IsEssential reports whether a category is strictly necessary, so that it
// needs no consent.
func IsEssential(category string) bool { return BaseCategory(category) == CategoryEssential }

// ValidCategory reports whether c is one of the known category names.
func ValidCategory(c string) bool {
	_, ok := categoryBase[c]
	return ok
}

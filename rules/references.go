package rules

// Legal references shared by several rules.
const (
	refEPrivacy53   = "ePrivacy Directive 2002/58/EC Art. 5(3)"
	refGDPR6        = "GDPR Art. 6(1)(a)"
	refGDPR7        = "GDPR Art. 7"
	refGDPR13       = "GDPR Art. 13"
	refGDPR12       = "GDPR Art. 12(1)"
	refEDPB052020   = "EDPB Guidelines 05/2020 on consent"
	refEDPB022023   = "EDPB Guidelines 2/2023 on the technical scope of Art. 5(3) ePrivacy Directive"
	refCNIL2020091  = "CNIL deliberation 2020-091 (cookie guidelines)"
	refCNIL2020092  = "CNIL deliberation 2020-092 (cookie recommendation)"
	refCCPA135      = "CCPA Cal. Civ. Code §1798.135"
	refCCR7025      = "11 CCR §7025 (opt-out preference signals)"
	refCCR7004      = "11 CCR §7004 (symmetry in choice, dark patterns)"
	refCalOPPA      = "CalOPPA Cal. Bus. & Prof. Code §22575(b)(5)"
	refColorado     = "Colorado Privacy Act, 4 CCR 904-3 Rule 5 (universal opt-out mechanism)"
	refConnecticut  = "Connecticut Data Privacy Act §42-520(a)(1)(A)(ii) (opt-out preference signal)"
	refGDPR44       = "GDPR Art. 44-46 (transfers to third countries)"
	refGDPR131f     = "GDPR Art. 13(1)(f)"
	refGDPR131e     = "GDPR Art. 13(1)(e)"
	refGDPR5_1a     = "GDPR Art. 5(1)(a) (lawfulness, fairness, transparency)"
	refGDPR32       = "GDPR Art. 32 (security of processing)"
	refFTC5         = "FTC Act §5 (deceptive practices)"
	refTDDDG25      = "TDDDG §25 (Germany)"
	refPECR6        = "PECR reg. 6 (United Kingdom)"
	refCNILLifetime = "CNIL deliberation 2020-091 art. 5 (13-month cookie lifetime)"
)

package policy

import (
	"strings"
	"testing"
)

// TestVendorPrecision: browsers, operating systems and app stores in
// cookie how-tos, pointers to other policies, platform footers and the
// shop's own name are not vendors; a bare "Google" counts only where the
// sentence speaks of data. Every supported language has its sentences on
// both sides.
func TestVendorPrecision(t *testing.T) {
	vendors := []VendorName{
		{ID: "google", Name: "Google"}, {ID: "ga", Name: "Google Analytics"}, {ID: "microsoft", Name: "Microsoft"},
		{ID: "apple", Name: "Apple"}, {ID: "facebook", Name: "Facebook"}, {ID: "shopify", Name: "Shopify"},
		{ID: "zalando", Name: "Zalando"}, {ID: "klarna", Name: "Klarna"},
	}
	cases := []struct {
		lang, text string
		want       string
	}{
		// Cookie how-tos name browsers, not vendors.
		{"en", "You can delete cookies in your browser settings, for example in Google Chrome, Microsoft Edge or Safari.", ""},
		{"en", "Apps can be removed via the App Store or Google Play; cookies can be blocked in your browser.", ""},
		{"fr", "Vous pouvez supprimer les cookies dans les paramètres de votre navigateur, par exemple Google Chrome ou Firefox.", ""},
		{"de", "Cookies können Sie in Ihrem Browser (z. B. Google Chrome, Firefox oder Safari) löschen.", ""},
		{"es", "Puede eliminar las cookies en la configuración de su navegador, por ejemplo Google Chrome o Safari.", ""},
		{"it", "Puoi eliminare i cookie nelle impostazioni del browser, ad esempio Google Chrome o Microsoft Edge.", ""},
		{"nl", "U kunt cookies verwijderen in de instellingen van uw browser, bijvoorbeeld Google Chrome of Safari.", ""},
		{"pt", "Pode eliminar os cookies nas definições do seu navegador, por exemplo Google Chrome ou Safari.", ""},
		{"sv", "Du kan radera cookies i din webbläsares inställningar, till exempel Google Chrome eller Safari.", ""},
		{"nb", "Du kan slette informasjonskapsler i nettleserens innstillinger, for eksempel Google Chrome eller Safari.", ""},
		{"nn", "Du kan slette informasjonskapslar i innstillingane til nettlesaren, til dømes Google Chrome eller Safari.", ""},
		{"da", "Du kan slette cookies i din browsers indstillinger, for eksempel Google Chrome eller Safari.", ""},
		{"fi", "Voit poistaa evästeet selaimesi asetuksista, esimerkiksi Google Chromessa tai Safarissa.", ""},
		{"et", "Küpsiseid saate kustutada oma brauseri seadetes, näiteks Google Chrome'is või Safaris.", ""},
		{"pl", "Możesz usunąć pliki cookie w ustawieniach przeglądarki, na przykład Google Chrome lub Safari.", ""},
		{"cs", "Soubory cookie můžete smazat v nastavení prohlížeče, například Google Chrome nebo Safari.", ""},
		// Pointers to another company's policy.
		{"en", "See Google's privacy policy at https://policies.google.com/privacy.", ""},
		{"de", "Weitere Informationen finden Sie in der Datenschutzerklärung von Google.", ""},
		{"fr", "Pour en savoir plus, consultez la politique de confidentialité de Google.", ""},
		// Platform footers and the shop itself.
		{"en", "© 2025 Example Shop. Powered by Shopify.", ""},
		{"de", "Fragen richten Sie an datenschutz@zalando.de. Zalando ist verantwortlich.", ""},
		// A bare "Google" counts where a Google service handles data.
		{"en", "We use Google to measure visits; Google processes your IP address.", "google"},
		{"de", "Wir nutzen Dienste von Google, die personenbezogene Daten in die USA übermitteln.", "google"},
		{"fi", "Käytämme Googlen palveluita, jotka käsittelevät henkilötietojasi.", "google"},
		{"fr", "Nous utilisons Google Analytics pour mesurer l'audience.", "ga"},
		{"en", "You can block Google Analytics cookies in your browser settings.", "ga"},
		{"sv", "Vi delar dina uppgifter med Klarna för betalning.", "klarna"},
		{"en", "We share your data with Facebook for advertising.", "facebook"},
	}
	for _, c := range cases {
		f := Analyze([]byte(c.text), Options{Vendors: vendors, ContentType: "text/plain"})
		if got := strings.Join(f.VendorIDs, ","); got != c.want {
			t.Errorf("%s %q: vendors %q, want %q", c.lang, c.text, got, c.want)
		}
	}
}

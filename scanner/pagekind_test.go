package scanner

import (
	"net/url"
	"testing"
)

func TestClassify(t *testing.T) {
	cases := []struct {
		url, text, want string
	}{
		{"https://s.test/", "", KindHome},
		{"https://s.test/privacy-policy", "Privacy policy", KindPolicy},
		{"https://s.test/pages/politique-de-confidentialite", "Politique de confidentialité", KindPolicy},
		{"https://s.test/datenschutz", "Datenschutzerklärung", KindPolicy},
		{"https://s.test/legal/privacidad", "Política de privacidad", KindPolicy},
		{"https://s.test/p/privacybeleid", "Privacybeleid", KindPolicy},
		{"https://s.test/sv/integritetspolicy", "Integritetspolicy", KindPolicy},
		{"https://s.test/sider/vilkar-og-personvern", "Personvernerklæring", KindPolicy},
		{"https://s.test/privatlivspolitik", "Privatlivspolitik", KindPolicy},
		{"https://s.test/tietosuojaseloste", "Tietosuojaseloste", KindPolicy},
		{"https://s.test/info/42", "Privaatsuspoliitika", KindPolicy},
		{"https://s.test/polityka", "Polityka prywatności", KindPolicy},
		{"https://s.test/ochrana", "Ochrana osobních údajů", KindPolicy},
		{"https://s.test/bg/page/12", "Политика за поверителност", KindPolicy},
		{"https://s.test/el/page/12", "Πολιτική Απορρήτου", KindPolicy},
		{"https://s.test/ga/leathanach", "Ráiteas Príobháideachta", KindPolicy},
		{"https://s.test/hr/stranica", "Zaštita osobnih podataka", KindPolicy},
		{"https://s.test/adatvedelmi-tajekoztato", "Adatvédelmi tájékoztató", KindPolicy},
		{"https://s.test/lt/puslapis", "Privatumo politika", KindPolicy},
		{"https://s.test/lv/lapa", "Privātuma politika", KindPolicy},
		{"https://s.test/mt/pagna", "Politika tal-Privatezza", KindPolicy},
		{"https://s.test/ro/pagina", "Politica de confidențialitate", KindPolicy},
		{"https://s.test/sk/stranka", "Ochrana osobných údajov", KindPolicy},
		{"https://s.test/sl/stran", "Varstvo osebnih podatkov", KindPolicy},
		{"https://s.test/politika-zasebnosti", "", KindPolicy},
		{"https://s.test/cart", "", KindCart},
		{"https://s.test/handlekurv", "Handlekurv", KindCart},
		{"https://s.test/x", "Warenkorb", KindCart},
		{"https://s.test/checkout", "", KindCheckout},
		{"https://s.test/kassa", "Till kassan", KindCheckout},
		{"https://s.test/account/login", "Sign in", KindAccount},
		{"https://s.test/product/silver-ring", "Silver ring", KindProduct},
		{"https://s.test/products/silver-ring", "Silver ring", KindProduct},
		{"https://s.test/category/rings", "Rings", KindCategory},
		{"https://s.test/collections/rings", "Rings", KindCategory},
		{"https://s.test/impressum", "Impressum", KindLegal},
		{"https://s.test/about-us", "About us", KindOther},
	}
	for _, c := range cases {
		u, _ := url.Parse(c.url)
		if got, _ := classify(u, c.text); got != c.want {
			t.Errorf("classify(%s, %q) = %s, want %s", c.url, c.text, got, c.want)
		}
	}
}

func TestURLPattern(t *testing.T) {
	for in, want := range map[string]string{
		"https://s.test/":                  "/",
		"https://s.test/product/a":         "/product/*",
		"https://s.test/product/b?x=1":     "/product/*",
		"https://s.test/cart":              "/cart",
		"https://s.test/shop/12/ring-blue": "/shop/#/*",
	} {
		u, _ := url.Parse(in)
		if got := urlPattern(u); got != want {
			t.Errorf("urlPattern(%s) = %s, want %s", in, got, want)
		}
	}
}

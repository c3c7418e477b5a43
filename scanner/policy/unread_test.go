package policy

import (
	"testing"
)

// TestUnreadLanguage: a policy in a language the analyser has no lexicon
// for is named for its language (or script, or "und") and marked
// unreadable; its elements are not judged, but the names in it are found.
// Policies in the languages it reads stay readable.
func TestUnreadLanguage(t *testing.T) {
	vendors := []VendorName{{ID: "ga", Name: "Google Analytics"}}
	cases := []struct {
		want, text string
	}{
		{"tr", "Gizlilik politikası. Kişisel verileriniz, siparişinizi işlemek için tarafımızdan işlenir ve çerezler kullanılır. Verilerinizi üçüncü taraflarla paylaşmıyoruz; Google Analytics gibi hizmetler hakkında bilgi için bize yazın. Kişisel verilerin silinmesini talep etme hakkınız vardır."},
		{"is", "Persónuverndarstefna. Við vinnum persónuupplýsingar þínar til að afgreiða pöntunina þína og notum vafrakökur. Þú átt rétt á að fá aðgang að persónuupplýsingum þínum og að þær verði leiðréttar eða þeim eytt."},
		{"ru", "Политика конфиденциальности. Мы обрабатываем ваши персональные данные, чтобы выполнить заказ, и используем файлы cookie."},
		{"ja", "プライバシーポリシー。当社はお客様の個人情報を注文の処理のために利用します。"},
		{"zh", "隐私政策。我们处理您的个人数据以完成订单。"},
	}
	for _, c := range cases {
		f := Analyze([]byte(c.text), Options{Vendors: vendors, ContentType: "text/plain"})
		if f.Language != c.want || !f.PolicyUnread() {
			t.Errorf("%s: language %q, readable %v; want %q, unreadable", c.want, f.Language, f.Readable != nil && *f.Readable, c.want)
		}
		if f.Elements.Rights || f.Elements.Purposes || f.DNTStance != "not-mentioned" {
			t.Errorf("%s: elements or stances judged from an unread policy: %+v", c.want, f.Elements)
		}
	}
	// Names are found whatever the language.
	f := Analyze([]byte(cases[0].text), Options{Vendors: vendors, ContentType: "text/plain"})
	if len(f.VendorIDs) != 1 {
		t.Errorf("tr: vendors %v, want [ga]", f.VendorIDs)
	}
	// The languages of the EU are read: named by their language and
	// readable.
	for _, c := range []struct{ want, text string }{
		{"hu", "Adatkezelési tájékoztató. Az adatkezelő a személyes adatokat az Ön hozzájárulása alapján kezeli, és a Google Analytics szolgáltatást használja. Ön jogosult az adatai törlését kérni, illetve tiltakozni az adatkezelés ellen."},
		{"ro", "Politica de confidențialitate. Prelucrarea datelor personale se face pentru care sunteți de acord; datele dumneavoastră sunt păstrate în siguranță și nu sunt vândute. Folosim Google Analytics pentru statistici."},
		{"sk", "Ochrana osobných údajov. Prevádzkovateľ spracúva osobné údaje na účely, ktoré sú uvedené nižšie, a môžete sa kedykoľvek obrátiť na nás. Spracúvanie osobných údajov prebieha podľa zákona a tieto údaje sa neposkytujú tretím stranám."},
		{"lt", "Privatumo politika. Mes tvarkome jūsų asmens duomenis, kad galėtume įvykdyti užsakymą, ir jūsų duomenų tvarkymas yra teisėtas. Jūs turite teisę gauti savo duomenis arba prašyti juos ištrinti."},
		{"lv", "Privātuma politika. Pārzinis apstrādā jūsu personas datus, lai izpildītu pasūtījumu, un datu apstrāde ir likumīga. Jums ir tiesības piekļūt saviem datiem un pieprasīt to dzēšanu, kā arī iebilst pret apstrādi."},
		{"el", "Πολιτική απορρήτου. Επεξεργαζόμαστε τα προσωπικά σας δεδομένα για την εκτέλεση της παραγγελίας σας και χρησιμοποιούμε το Google Analytics."},
		{"bg", "Политика за поверителност. Ние обработваме вашите лични данни, за да изпълним поръчката ви, и използваме бисквитки съгласно закона."},
	} {
		f := Analyze([]byte(c.text), Options{Vendors: vendors, ContentType: "text/plain"})
		if f.Language != c.want || f.PolicyUnread() {
			t.Errorf("%s: language %q, unread %v; want %q, read", c.want, f.Language, f.PolicyUnread(), c.want)
		}
	}
	// Read languages stay readable, short texts included.
	for _, text := range []string{
		"We use Google Analytics.",
		"Wir verarbeiten Ihre personenbezogenen Daten zur Vertragserfüllung.",
		"Zpracováváme vaše osobní údaje, abychom mohli vyřídit vaši objednávku, a máte právo na výmaz.",
		"Przetwarzamy Twoje dane osobowe w celu realizacji zamówienia.",
		"Käsittelemme henkilötietojasi tilauksen toimittamiseksi.",
		"Töötleme teie isikuandmeid tellimuse täitmiseks.",
	} {
		f := Analyze([]byte(text), Options{ContentType: "text/plain"})
		if f.PolicyUnread() {
			t.Errorf("%q: read as unreadable %q", text, f.Language)
		}
	}
}

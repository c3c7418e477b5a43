// The shopper's journey's eyes and hands in the page: one function, evaluated
// afresh for every call (it leaves nothing in the page), that finds the site
// search, the fields of forms and their kinds, links and the add-to-cart and
// checkout controls — generically, by roles, input types, autocomplete
// attributes and names, labels and texts in many languages.
((op, arg) => {
  const fold = s => String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
  const visible = el => {
    if (!el || !el.isConnected) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0.05;
  };
  const labelOf = el => {
    const parts = [];
    try { for (const l of el.labels || []) parts.push(l.textContent); } catch (e) {}
    const lb = el.getAttribute('aria-labelledby');
    if (lb) for (const id of lb.split(/\s+/)) { const x = document.getElementById(id); if (x) parts.push(x.textContent); }
    return parts.join(' ');
  };
  const describe = el => fold([el.name, el.id, el.getAttribute('placeholder'), el.getAttribute('aria-label'), labelOf(el), el.getAttribute('data-testid')].join(' ')).replace(/[_\-\[\].]+/g, ' ');

  const searchWords = /\b(search|suche|suchen|recherche|rechercher|buscar|busqueda|cerca|cercare|zoeken|pesquisar|procurar|pesquisa|sok|soek|sog|haku|hae|otsi|szukaj|wyszukaj|hledat|hledani|keres|cautare|q|s|query|keyword|keywords|searchterm|term)\b/;
  const isSearch = el => {
    if (el.type === 'search' || el.getAttribute('role') === 'searchbox' || el.getAttribute('role') === 'combobox' && searchWords.test(describe(el))) return true;
    const f = el.form;
    if (f && (f.getAttribute('role') === 'search' || /search|such|recherche|busca|zoek|sok|haku|szukaj/i.test(f.getAttribute('action') || ''))) return true;
    if (el.closest && el.closest('[role=search]')) return true;
    return searchWords.test(describe(el));
  };

  // Field kinds, tried in order: the most specific first.
  const kinds = [
    ['email', /\b(e ?mail|email address|courriel|correo|correo electronico|posta elettronica|sahkoposti|e ?post|epost|mejl|meil|e ?posti)\b/],
    ['phone', /\b(phone|telephone|tel|mobile|mobil|handy|telefon|telefono|telefoonnummer|telefoon|puhelin|puhelinnumero|numer telefonu|telefonnummer|mobilnummer|cell)\b/],
    ['postal_code', /\b(zip|zipcode|postal|postal code|postcode|post code|plz|postleitzahl|code postal|codigo postal|cap|postnummer|postinumero|postiindeks|kod pocztowy|psc|postcode)\b/],
    ['city', /\b(city|town|ort|stadt|ville|ciudad|citta|localita|plaats|woonplaats|stad|cidade|poststed|by|kaupunki|postitoimipaikka|linn|miasto|mesto|obec)\b/],
    ['first_name', /\b(first ?name|given ?name|fname|firstname|forename|vorname|prenom|nombre|nome|voornaam|fornamn|fornavn|etunimi|eesnimi|imie|jmeno)\b/],
    ['last_name', /\b(last ?name|surname|family ?name|lname|lastname|nachname|nom de famille|nom|apellidos?|cognome|achternaam|efternamn|etternavn|efternavn|sukunimi|perekonnanimi|nazwisko|prijmeni)\b/],
    ['name', /\b(full ?name|name|your name|ihr name|votre nom|nombre completo|nome completo|naam|namn|navn|nimi|imie i nazwisko)\b/],
    ['street', /\b(street|address|address line ?1|address1|street address|adresse|anschrift|strasse|str|hausnummer|direccion|calle|indirizzo|via|adres|straat|endereco|morada|gatuadress|gateadresse|gatuadresse|osoite|katuosoite|aadress|ulica|ulice)\b/],
  ];
  const auto = {
    'email': 'email', 'given-name': 'first_name', 'family-name': 'last_name', 'name': 'name', 'tel': 'phone', 'tel-national': 'phone',
    'street-address': 'street', 'address-line1': 'street', 'postal-code': 'postal_code', 'address-level2': 'city',
  };
  const skipTypes = {hidden: 1, password: 1, checkbox: 1, radio: 1, submit: 1, button: 1, reset: 1, file: 1, image: 1, date: 1, range: 1, color: 1, search: 1};
  const kindOf = el => {
    const ac = fold(el.getAttribute('autocomplete')).split(' ').pop();
    if (auto[ac]) return auto[ac];
    if (el.type === 'email') return 'email';
    if (el.type === 'tel') return 'phone';
    const d = describe(el);
    for (const [k, re] of kinds) if (re.test(d)) return k;
    return '';
  };
  const newsletterWords = /\b(newsletter|subscribe|sign up|signup|abonnieren|anmelden|abonner|inscri\w*|suscrib\w*|iscriviti|aanmelden|inschrijven|nyhetsbrev|nyhedsbrev|tilmeld|prenumerera|uutiskirje|tilaa|uudiskiri|zapisz|subskrybuj|odebirat|odber)\b/;
  const accountWords = /\b(log ?in|sign ?in|register|create account|account|konto|compte|cuenta|account|anmelden|registrieren|inloggen|registreren|logga in|logg inn|log ind|kirjaudu|rekisteroidy|zaloguj|prihlasit|registrace)\b/;
  const purpose = (el, step) => {
    const f = el.form || el.closest('form,section,footer,aside,div');
    if (!f) return step === 'checkout' ? 'checkout' : '';
    if (f.querySelector && f.querySelector('input[type=password]')) return 'account';
    // A small form (one or two fields) in a part that speaks of a
    // newsletter is one, wherever it is.
    const box = f.closest('section,footer,aside') || f;
    const t = fold((f.getAttribute('id') || '') + ' ' + (f.getAttribute('class') || '') + ' ' + (f.getAttribute('action') || '') + ' ' + (box.textContent || '').slice(0, 600));
    const small = f.querySelectorAll('input:not([type=hidden]):not([type=submit]):not([type=button]),textarea').length <= 2;
    if (small && newsletterWords.test(t)) return 'newsletter';
    if (step === 'checkout') return 'checkout';
    if (accountWords.test(t)) return 'account';
    if (newsletterWords.test(t)) return 'newsletter';
    return 'form';
  };
  const fillable = () => Array.from(document.querySelectorAll('input,textarea')).filter(el =>
    !skipTypes[el.type] && !el.disabled && !el.readOnly && visible(el));

  const clickWords = {
    addtocart: /\b(add to (cart|basket|bag)|add to shopping (cart|bag)|buy now|in den warenkorb|in den einkaufswagen|warenkorb hinzufugen|ajouter au panier|anadir al carrito|agregar al carrito|anadir a la cesta|aggiungi al carrello|in winkelwagen|toevoegen aan winkelwagen|in winkelmand|adicionar ao carrinho|lagg i varukorgen|lagg i varukorg|legg i handlekurven|legg i handlekurv|kjop|laeg i kurv|laeg i kurven|lisaa ostoskoriin|lisa ostukorvi|dodaj do koszyka|do kosiku|vlozit do kosiku|kosarba)\b/,
    checkout: /\b(checkout|check out|proceed to checkout|go to checkout|zur kasse|kasse|commander|passer la commande|valider (mon|le) panier|finalizar compra|tramitar pedido|procedi all ordine|cassa|afrekenen|finalizar|till kassan|ga till kassan|kassa|kassen|ga til kassen|til kassen|kassalle|siirry kassalle|vormista tellimus|kassasse|przejdz do kasy|zamawiam|do pokladny|pokladna|penztar)\b/,
    cart: /\b(cart|basket|bag|view cart|shopping cart|panier|warenkorb|carrito|cesta|carrello|winkelwagen|winkelmand|carrinho|varukorg|handlekurv|kurv|ostoskori|ostukorv|koszyk|kosik|kosar)\b/,
  };
  // Controls that pay or place an order are never clicked.
  const payWords = /\b(pay|pay now|place order|complete (order|purchase)|confirm (order|purchase)|jetzt kaufen|zahlungspflichtig bestellen|kaufen|payer|valider la commande|pagar|paga ora|betalen|betala nu|betal nu|maksa|zaplac|zaplatit|objednat)\b/;
  const controls = () => Array.from(document.querySelectorAll('a[href],button,input[type=submit],input[type=button],[role=button]')).filter(visible);
  const ctext = el => fold([el.textContent, el.value, el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('name'), el.id, typeof el.className === 'string' ? el.className : ''].join(' ')).replace(/[_\-]+/g, ' ');

  switch (op) {
    case 'search': {
      const cands = Array.from(document.querySelectorAll('input,textarea')).filter(el => !el.disabled && !el.readOnly &&
        (el.type === 'search' || el.type === 'text' || el.type === '' || el.localName === 'textarea') && isSearch(el));
      const el = cands.find(visible) || cands[0];
      if (!el) return {ok: false};
      try { el.scrollIntoView({block: 'center'}); } catch (e) {}
      el.focus();
      return {ok: document.activeElement === el, field: el.name || el.id || describe(el) || el.type, visible: visible(el)};
    }
    case 'fields': {
      const out = [];
      fillable().forEach((el, i) => {
        if (isSearch(el)) return;
        const k = kindOf(el);
        if (!k) return;
        out.push({i, kind: k, field: el.name || el.id || el.getAttribute('autocomplete') || describe(el), form: purpose(el, arg)});
      });
      const frames = Array.from(document.querySelectorAll('iframe')).filter(visible).map(f => f.src || '').filter(Boolean);
      return {fields: out, frames};
    }
    case 'focus': {
      const el = fillable()[arg];
      if (!el) return {ok: false};
      try { el.scrollIntoView({block: 'center'}); } catch (e) {}
      el.focus();
      return {ok: document.activeElement === el};
    }
    case 'blur': {
      const el = document.activeElement;
      if (el && el !== document.body) el.blur();
      return {ok: true};
    }
    case 'value': {
      const el = fillable()[arg];
      return {ok: !!el, value: el ? String(el.value) : ''};
    }
    case 'links': {
      return Array.from(document.querySelectorAll('a[href]')).filter(visible).slice(0, 400).map(a => ({href: a.href, text: (a.textContent || '').trim().slice(0, 120)}));
    }
    case 'click': {
      const re = clickWords[arg];
      if (!re) return {ok: false};
      const cands = controls().filter(el => re.test(ctext(el)) && (arg === 'addtocart' || !payWords.test(ctext(el))));
      // Prefer buttons over links for add to cart, links to a page for the rest.
      cands.sort((a, b) => (a.localName === 'a') - (b.localName === 'a'));
      const el = cands[0];
      if (!el) return {ok: false};
      const text = (el.textContent || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 80);
      const href = el.localName === 'a' ? el.href : '';
      try { el.scrollIntoView({block: 'center'}); } catch (e) {}
      el.click();
      return {ok: true, text, href};
    }
  }
  return null;
})

// consentmanager.net fixture: the platform's markup, globals and consent record, as it ships.
(function () {
  const k = window.cmpKit;
window.__cmp = function (cmd) { if (cmd === 'getCMPData') return { consentExists: !!k.getCookie('__cmpcc') }; };
window.cmp_id = 12345;
k.platform({ tcf: 31, stored: () => !!k.getCookie('__cmpcc'), store: all => { k.cookie('__cmpcc', '1'); k.cookie('__cmpconsentx12345', all ? 'CP_fixture_all' : 'CP_fixture_none'); },
  html: `<div id="cmpwrapper" class="cmpwrapper"><div id="cmpbox" class="cmpbox cmpstyleroot cmpfadein" role="dialog" aria-modal="true" style="position:fixed;top:15%;left:25%;width:50%;background:#fff;padding:16px;box-shadow:0 8px 40px #0006;z-index:2147483000"><div class="cmpboxinner"><div class="cmpboxtxt cmptxt_txt">Wir verwenden Cookies und ähnliche Technologien. Mit Klick auf „Alle akzeptieren“ stimmen Sie der Verarbeitung Ihrer Daten zu.</div>
    <div class="cmpboxbtns"><a href="#" role="button" class="cmpboxbtn cmpboxbtnyes cmptxt_btn_yes">Alle akzeptieren</a><a href="#" role="button" class="cmpboxbtn cmpboxbtnno cmptxt_btn_no">Alle ablehnen</a><a href="#" role="button" class="cmpboxbtn cmpboxbtncustom cmptxt_btn_custom">Einstellungen</a></div></div></div>
    <div id="cmpbox2" class="cmpbox2 cmpstyleroot" style="position:fixed;inset:0;background:#0005;z-index:2147482999"></div></div>`,
  settings: '.cmpboxbtncustom', toggles: '#cmpbox input.cmpcheckboxinput', save: '.cmpboxbtnsave',
  layer2: `<div id="cmpwrapper" class="cmpwrapper"><div id="cmpbox" class="cmpbox cmpstyleroot cmpbox2nd" role="dialog" aria-modal="true" style="position:fixed;top:8%;left:20%;width:60%;max-height:84%;overflow:auto;background:#fff;padding:16px;box-shadow:0 8px 40px #0006;z-index:2147483000"><div class="cmpboxinner"><div class="cmpboxtxt cmptxt_txt">Hier können Sie einstellen, welchen Zwecken Sie zustimmen.</div>
    <div class="cmppurposes"><div class="cmppurpose"><input type="checkbox" class="cmpcheckboxinput" id="cmppurpose_c1" checked disabled><label for="cmppurpose_c1">Notwendige Cookies</label></div>
    <div class="cmppurpose"><input type="checkbox" class="cmpcheckboxinput" id="cmppurpose_s1"><label for="cmppurpose_s1">Speichern von oder Zugriff auf Informationen auf einem Endgerät</label></div>
    <div class="cmppurpose"><input type="checkbox" class="cmpcheckboxinput" id="cmppurpose_c52"><label for="cmppurpose_c52">Personalisierte Werbung</label></div>
    <div class="cmppurpose"><input type="checkbox" class="cmpcheckboxinput" id="cmppurpose_c53"><label for="cmppurpose_c53">Messung von Werbeleistung</label></div></div>
    <div class="cmpboxbtns"><a href="#" role="button" class="cmpboxbtn cmpboxbtnno cmptxt_btn_no">Alle ablehnen</a><a href="#" role="button" class="cmpboxbtn cmpboxbtnsave cmptxt_btn_save">Auswahl speichern</a><a href="#" role="button" class="cmpboxbtn cmpboxbtnyes cmptxt_btn_yes">Alle akzeptieren</a></div></div></div>
    <div id="cmpbox2" class="cmpbox2 cmpstyleroot" style="position:fixed;inset:0;background:#0005;z-index:2147482999"></div></div>`,
  accept: '.cmpboxbtnyes', reject: '.cmpboxbtnno' });
})();

# ruff: noqa: E501  (a table of translations reads best one pair to a line)
"""Fill resources/i18n/kassa_<lang>.ts from the tables below, then compile them to .qm.

Run after `pyside6-lupdate pos/ui/*.py -ts resources/i18n/kassa_nb.ts resources/i18n/kassa_sv.ts`
added new source texts:  .venv/bin/python tools/fill_translations.py
The .ts files stay the record (translators can open them in Qt Linguist); a text missing
from the tables is left "unfinished" and shows in English, and the script lists it.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"

NB = {
    "Damaged item": "Skadet vare",
    "Price on shelf differs": "Annen pris i hylla",
    "Customer complaint": "Kundeklage",
    "Staff discount": "Personalrabatt",
    "Manager decision": "Butikksjef har bestemt",
    "grams": "gram",
    "pieces": "stk",
    "Quantity": "Antall",
    "New quantity ({0})": "Nytt antall ({0})",
    "Price": "Pris",
    "New price for {0}": "Ny pris for {0}",
    "the selected line": "valgt linje",
    "the whole receipt": "hele kvitteringen",
    "Discount": "Rabatt",
    "Percent off {0}": "Prosent rabatt på {0}",
    "Weight": "Vekt",
    "{0} ({1}/kg): weight in grams": "{0} ({1}/kg): vekt i gram",
    "Void sale": "Annuller salg",
    "Void the whole sale?": "Annullere hele salget?",
    "Sale parked.": "Salget er parkert.",
    "No parked sales.": "Ingen parkerte salg.",
    "Resume a parked sale": "Hent parkert salg",
    "Copy of the last receipt sent to the printer.": "Kopi av siste kvittering er sendt til skriveren.",
    "Receipts waiting for the printer sent again.": "Kvitteringer som ventet er sendt til skriveren igjen.",
    "{0} · {1} line(s) · {2} {3}": "{0} · {1} linje(r) · {2} {3}",
    "Unknown barcode {0}: nothing was added.": "Ukjent strekkode {0}: ingenting ble lagt til.",
    "Could not read barcode {0}: check digit or format is wrong. Scan again.": "Kunne ikke lese strekkode {0}: feil kontrollsiffer eller format. Skann på nytt.",
    "{0} is a receipt barcode: returns are not taken here yet.": "{0} er en kvitteringsstrekkode: retur tas ikke imot her ennå.",
    "Wrong employee number or PIN.": "Feil ansattnummer eller PIN.",
    "Finish or park the current sale first.": "Fullfør eller parker salget først.",
    "The sale is empty.": "Salget er tomt.",
    "There is nothing to park.": "Det er ingenting å parkere.",
    "Payment has started: the sale can no longer be changed.": "Betalingen er startet: salget kan ikke endres lenger.",
    "No receipt to reprint yet.": "Ingen kvittering å skrive ut ennå.",
    "That quantity is not possible here: {0}": "Det antallet er ikke mulig her: {0}",
    "That price is not possible here: {0}": "Den prisen er ikke mulig her: {0}",
    "Give a reason.": "Oppgi en årsak.",
    "Not an amount: {0}": "Ikke et beløp: {0}",
    "Payment refused: {0}": "Betaling avvist: {0}",
    "A supervisor must do that.": "Det må en leder gjøre.",
    "Select a line first.": "Velg en linje først.",
    "Refused: {0}": "Avvist: {0}",
    "Printer ready": "Skriver klar",
    "Printer: out of paper": "Skriver: tomt for papir",
    "Printer: cover open": "Skriver: lokket er åpent",
    "Printer: offline": "Skriver: frakoblet",
    "Printer: error": "Skriver: feil",
    "No printer": "Ingen skriver",
    "Item": "Vare",
    "Qty": "Antall",
    "Amount": "Beløp",
    "price changed: {0}": "pris endret: {0}",
    "discount -{0}": "rabatt -{0}",
    "Cancel": "Avbryt",
    "OK": "OK",
    "No": "Nei",
    "Yes": "Ja",
    "Register {0}": "Kasse {0}",
    "Employee number": "Ansattnummer",
    "PIN": "PIN",
    "Log in": "Logg inn",
    "Reason": "Årsak",
    "To pay": "Å betale",
    "Cash received (Enter = exact)": "Mottatt kontant (Enter = eksakt)",
    "Exact": "Eksakt beløp",
    "Back to sale": "Tilbake til salget",
    "Next customer": "Neste kunde",
    "In cash: {0}": "Kontant: {0}",
    "Paid so far: {0}": "Betalt så langt: {0}",
    "Change": "Veksel",
    "Receipt {0} · paid {1}": "Kvittering {0} · betalt {1}",
    "{0} matches for “{1}”": "{0} treff for «{1}»",
    "No product matches “{0}”": "Ingen varer passer «{0}»",
    "Scan, or type a name or number": "Skann, eller skriv navn eller nummer",
    "Void line": "Slett linje",
    "Park": "Parker",
    "Resume": "Hent parkert",
    "Copy receipt": "Kopi / utskrift",
    "Log out": "Logg ut",
    "Pay": "Betal",
    "VAT {0} %: {1}": "MVA {0} %: {1}",
    "{0} items": "{0} varer",
    "Sale {0} saved.": "Salg {0} er lagret.",
    "TRAINING MODE": "TRENINGSMODUS",
    "Printer: paper low": "Skriver: lite papir",
    "{0} waiting (F11)": "{0} venter (F11)",
    "Open drawer": "Åpne skuff", "Supervisor's employee number": "Leders ansattnummer",
    "Approve": "Godkjenn",
    "A supervisor must approve opening the drawer without a sale.": "En leder må godkjenne at skuffen åpnes uten salg.",
    "Drawer opened (no sale), journaled.": "Skuffen er åpnet (uten salg) og loggført.",
    "Too many wrong PINs: wait five minutes or ask a manager.": "For mange feil PIN: vent fem minutter eller spør butikksjefen.",
    "Hub: not connected · {0} sale(s) queued": "Hub: ikke tilkoblet · {0} salg i kø",
    "That sale is finished: start the next one.": "Det salget er ferdig: start neste.",
    "cashier": "kasserer",
    "supervisor": "skiftleder",
    "manager": "butikksjef",
}

SV = {
    "Damaged item": "Skadad vara",
    "Price on shelf differs": "Annat pris på hyllan",
    "Customer complaint": "Kundklagomål",
    "Staff discount": "Personalrabatt",
    "Manager decision": "Butikschefens beslut",
    "grams": "gram",
    "pieces": "st",
    "Quantity": "Antal",
    "New quantity ({0})": "Nytt antal ({0})",
    "Price": "Pris",
    "New price for {0}": "Nytt pris för {0}",
    "the selected line": "vald rad",
    "the whole receipt": "hela kvittot",
    "Discount": "Rabatt",
    "Percent off {0}": "Procent rabatt på {0}",
    "Weight": "Vikt",
    "{0} ({1}/kg): weight in grams": "{0} ({1}/kg): vikt i gram",
    "Void sale": "Makulera köp",
    "Void the whole sale?": "Makulera hela köpet?",
    "Sale parked.": "Köpet är parkerat.",
    "No parked sales.": "Inga parkerade köp.",
    "Resume a parked sale": "Hämta parkerat köp",
    "Copy of the last receipt sent to the printer.": "Kopia av senaste kvittot skickad till skrivaren.",
    "Receipts waiting for the printer sent again.": "Väntande kvitton skickade till skrivaren igen.",
    "{0} · {1} line(s) · {2} {3}": "{0} · {1} rad(er) · {2} {3}",
    "Unknown barcode {0}: nothing was added.": "Okänd streckkod {0}: inget lades till.",
    "Could not read barcode {0}: check digit or format is wrong. Scan again.": "Kunde inte läsa streckkod {0}: fel kontrollsiffra eller format. Skanna igen.",
    "{0} is a receipt barcode: returns are not taken here yet.": "{0} är en kvittostreckkod: returer tas inte emot här ännu.",
    "Wrong employee number or PIN.": "Fel anställningsnummer eller PIN.",
    "Finish or park the current sale first.": "Avsluta eller parkera köpet först.",
    "The sale is empty.": "Köpet är tomt.",
    "There is nothing to park.": "Det finns inget att parkera.",
    "Payment has started: the sale can no longer be changed.": "Betalningen har börjat: köpet kan inte längre ändras.",
    "No receipt to reprint yet.": "Inget kvitto att skriva ut ännu.",
    "That quantity is not possible here: {0}": "Det antalet är inte möjligt här: {0}",
    "That price is not possible here: {0}": "Det priset är inte möjligt här: {0}",
    "Give a reason.": "Ange en orsak.",
    "Not an amount: {0}": "Inte ett belopp: {0}",
    "Payment refused: {0}": "Betalning nekad: {0}",
    "A supervisor must do that.": "Det måste en chef göra.",
    "Select a line first.": "Välj en rad först.",
    "Refused: {0}": "Nekad: {0}",
    "Printer ready": "Skrivare redo",
    "Printer: out of paper": "Skrivare: slut på papper",
    "Printer: cover open": "Skrivare: luckan är öppen",
    "Printer: offline": "Skrivare: frånkopplad",
    "Printer: error": "Skrivare: fel",
    "No printer": "Ingen skrivare",
    "Item": "Vara",
    "Qty": "Antal",
    "Amount": "Belopp",
    "price changed: {0}": "pris ändrat: {0}",
    "discount -{0}": "rabatt -{0}",
    "Cancel": "Avbryt",
    "OK": "OK",
    "No": "Nej",
    "Yes": "Ja",
    "Register {0}": "Kassa {0}",
    "Employee number": "Anställningsnummer",
    "PIN": "PIN",
    "Log in": "Logga in",
    "Reason": "Orsak",
    "To pay": "Att betala",
    "Cash received (Enter = exact)": "Mottaget kontant (Enter = jämnt)",
    "Exact": "Jämnt belopp",
    "Back to sale": "Tillbaka till köpet",
    "Next customer": "Nästa kund",
    "In cash: {0}": "Kontant: {0}",
    "Paid so far: {0}": "Betalt hittills: {0}",
    "Change": "Växel",
    "Receipt {0} · paid {1}": "Kvitto {0} · betalt {1}",
    "{0} matches for “{1}”": "{0} träffar för ”{1}”",
    "No product matches “{0}”": "Ingen vara matchar ”{0}”",
    "Scan, or type a name or number": "Skanna, eller skriv namn eller nummer",
    "Void line": "Ta bort rad",
    "Park": "Parkera",
    "Resume": "Hämta parkerat",
    "Copy receipt": "Kopia / utskrift",
    "Log out": "Logga ut",
    "Pay": "Betala",
    "VAT {0} %: {1}": "Moms {0} %: {1}",
    "{0} items": "{0} varor",
    "Sale {0} saved.": "Köp {0} sparat.",
    "TRAINING MODE": "TRÄNINGSLÄGE",
    "Printer: paper low": "Skrivare: lite papper",
    "{0} waiting (F11)": "{0} väntar (F11)",
    "Open drawer": "Öppna lådan", "Supervisor's employee number": "Chefens anställningsnummer",
    "Approve": "Godkänn",
    "A supervisor must approve opening the drawer without a sale.": "En chef måste godkänna att lådan öppnas utan köp.",
    "Drawer opened (no sale), journaled.": "Lådan öppnad (utan köp) och loggförd.",
    "Too many wrong PINs: wait five minutes or ask a manager.": "För många fel PIN: vänta fem minuter eller fråga butikschefen.",
    "Hub: not connected · {0} sale(s) queued": "Hub: inte ansluten · {0} köp i kö",
    "That sale is finished: start the next one.": "Det köpet är klart: börja nästa.",
    "cashier": "kassör",
    "supervisor": "skiftledare",
    "manager": "butikschef",
}


def fill(ts: Path, table: dict[str, str]) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        elif translation.attrib.get("type") != "vanished":
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for lang, table in (("nb", NB), ("sv", SV)):
        ts = I18N / f"kassa_{lang}.ts"
        for source in fill(ts, table):
            print(f"{ts.name}: no translation for {source!r}")
        subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

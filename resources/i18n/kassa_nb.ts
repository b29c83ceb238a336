<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nb_NO">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="111" />
        <source>Supervisor's employee number</source>
        <translation>Leders ansattnummer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="113" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="121" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="122" />
        <source>Approve</source>
        <translation>Godkjenn</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="76" />
        <source>Item</source>
        <translation>Vare</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="76" />
        <source>Qty</source>
        <translation>Antall</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="76" />
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="76" />
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="40" />
        <source>price changed: {0}</source>
        <translation>pris endret: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="42" />
        <source>discount -{0}</source>
        <translation>rabatt -{0}</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="72" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="73" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="92" />
        <source>No</source>
        <translation>Nei</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="93" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
</context>
<context>
    <name>CustomerWindow</name>
    <message>
        <location filename="../../pos/ui/customer_window.py" line="25" />
        <source>Kassa – customer display</source>
        <translation>Kassa – kundeskjerm</translation>
    </message>
</context>
<context>
    <name>DevicesView</name>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="42" />
        <source>Devices</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="47" />
        <source>Device</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="48" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="47" />
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="55" />
        <source>Last scan: none yet</source>
        <translation>Siste skann: ingen ennå</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="56" />
        <source>Weight: not read</source>
        <translation>Vekt: ikke lest</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="59" />
        <source>Test print</source>
        <translation>Testutskrift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="59" />
        <source>Read scale</source>
        <translation>Les vekt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="60" />
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="62" />
        <source>Open drawer</source>
        <translation>Åpne skuff</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="83" />
        <source>paper low</source>
        <translation>lite papir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="84" />
        <source>Receipt printer</source>
        <translation>Kvitteringsskriver</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="87" />
        <source>Cash drawer</source>
        <translation>Kasseskuff</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="88" />
        <source>open</source>
        <translation>åpen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="88" />
        <source>closed</source>
        <translation>lukket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="89" />
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="89" />
        <source>Scale</source>
        <translation>Vekt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="90" />
        <source>Customer display</source>
        <translation>Kundeskjerm</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="97" />
        <source>built in</source>
        <translation>innebygd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="116" />
        <source>Last scan: {0}{1}</source>
        <translation>Siste skann: {0}{1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="120" />
        <source>No scale configured</source>
        <translation>Ingen vekt er satt opp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="122" />
        <source>Weighing…</source>
        <translation>Veier…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="129" />
        <source>Scale: {0}</source>
        <translation>Vekt: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="132" />
        <source>The scale did not answer</source>
        <translation>Vekten svarte ikke</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="134" />
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="134" />
        <source>in motion</source>
        <translation>i bevegelse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="135" />
        <source>zero</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="136" />
        <source>over capacity</source>
        <translation>over kapasitet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="137" />
        <source>under zero</source>
        <translation>under null</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="138" />
        <source>Weight: {0} ({1})</source>
        <translation>Vekt: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>LineActions</name>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="26" />
        <source>Damaged item</source>
        <translation>Skadet vare</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="27" />
        <source>Price on shelf differs</source>
        <translation>Annen pris i hylla</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="28" />
        <source>Customer complaint</source>
        <translation>Kundeklage</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="29" />
        <source>Staff discount</source>
        <translation>Personalrabatt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="30" />
        <source>Manager decision</source>
        <translation>Butikksjef har bestemt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="60" />
        <source>grams</source>
        <translation>gram</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="62" />
        <source>pieces</source>
        <translation>stk</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="67" />
        <source>Quantity</source>
        <translation>Antall</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="68" />
        <source>New quantity ({0})</source>
        <translation>Nytt antall ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="90" />
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="91" />
        <source>New price for {0}</source>
        <translation>Ny pris for {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="109" />
        <source>the selected line</source>
        <translation>valgt linje</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="111" />
        <source>the whole receipt</source>
        <translation>hele kvitteringen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="115" />
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="116" />
        <source>Percent off {0}</source>
        <translation>Prosent rabatt på {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="138" />
        <source>Weight</source>
        <translation>Vekt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="139" />
        <source>{0} ({1}/kg): weight in grams</source>
        <translation>{0} ({1}/kg): vekt i gram</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="167" />
        <source>Void sale</source>
        <translation>Annuller salg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="168" />
        <source>Void the whole sale?</source>
        <translation>Annullere hele salget?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="177" />
        <source>Sale parked.</source>
        <translation>Salget er parkert.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="187" />
        <source>No parked sales.</source>
        <translation>Ingen parkerte salg.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="191" />
        <source>Resume a parked sale</source>
        <translation>Hent parkert salg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="206" />
        <source>Receipts waiting for the printer sent again.</source>
        <translation>Kvitteringer som ventet er sendt til skriveren igjen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="212" />
        <source>Copy of the last receipt sent to the printer.</source>
        <translation>Kopi av siste kvittering er sendt til skriveren.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="223" />
        <source>{0} · {1} line(s) · {2} {3}</source>
        <translation>{0} · {1} linje(r) · {2} {3}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="237" />
        <source>Open drawer</source>
        <translation>Åpne skuff</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="238" />
        <source>A supervisor must approve opening the drawer without a sale.</source>
        <translation>En leder må godkjenne at skuffen åpnes uten salg.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="254" />
        <source>Drawer opened (no sale), journaled.</source>
        <translation>Skuffen er åpnet (uten salg) og loggført.</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../../pos/ui/login_view.py" line="35" />
        <source>Register {0}</source>
        <translation>Kasse {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login_view.py" line="40" />
        <source>Employee number</source>
        <translation>Ansattnummer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login_view.py" line="43" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login_view.py" line="66" />
        <source>Log in</source>
        <translation>Logg inn</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="87" />
        <source>The till's database is damaged and this till has stopped selling.
Nothing has been deleted. Call support and keep the file as it is:
{0}

{1}</source>
        <translation>Kassens database er skadet, og denne kassen har stoppet salget.
Ingenting er slettet. Ring support og la filen være som den er:
{0}

{1}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../pos/ui/messages.py" line="10" />
        <source>Unknown barcode {0}: nothing was added.</source>
        <translation>Ukjent strekkode {0}: ingenting ble lagt til.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="11" />
        <source>Could not read barcode {0}: check digit or format is wrong. Scan again.</source>
        <translation>Kunne ikke lese strekkode {0}: feil kontrollsiffer eller format. Skann på nytt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="14" />
        <source>{0} is a receipt barcode: returns are not taken here yet.</source>
        <translation>{0} er en kvitteringsstrekkode: retur tas ikke imot her ennå.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="17" />
        <source>Wrong employee number or PIN.</source>
        <translation>Feil ansattnummer eller PIN.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="18" />
        <source>Finish or park the current sale first.</source>
        <translation>Fullfør eller parker salget først.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="19" />
        <source>The sale is empty.</source>
        <translation>Salget er tomt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="20" />
        <source>There is nothing to park.</source>
        <translation>Det er ingenting å parkere.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="21" />
        <source>Payment has started: the sale can no longer be changed.</source>
        <translation>Betalingen er startet: salget kan ikke endres lenger.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="24" />
        <source>No receipt to reprint yet.</source>
        <translation>Ingen kvittering å skrive ut ennå.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="25" />
        <source>That quantity is not possible here: {0}</source>
        <translation>Det antallet er ikke mulig her: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="26" />
        <source>That price is not possible here: {0}</source>
        <translation>Den prisen er ikke mulig her: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="27" />
        <source>Give a reason.</source>
        <translation>Oppgi en årsak.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="28" />
        <source>Not an amount: {0}</source>
        <translation>Ikke et beløp: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="29" />
        <source>Payment refused: {0}</source>
        <translation>Betaling avvist: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="30" />
        <source>A supervisor must do that.</source>
        <translation>Det må en leder gjøre.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="31" />
        <source>Select a line first.</source>
        <translation>Velg en linje først.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="32" />
        <source>Too many wrong PINs: wait five minutes or ask a manager.</source>
        <translation>For mange feil PIN: vent fem minutter eller spør butikksjefen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="35" />
        <source>That sale is finished: start the next one.</source>
        <translation>Det salget er ferdig: start neste.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="39" />
        <source>Refused: {0}</source>
        <translation>Avvist: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="45" />
        <source>Printer ready</source>
        <translation>Skriver klar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="46" />
        <source>Printer: out of paper</source>
        <translation>Skriver: tomt for papir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="47" />
        <source>Printer: cover open</source>
        <translation>Skriver: lokket er åpent</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="48" />
        <source>Printer: offline</source>
        <translation>Skriver: frakoblet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="49" />
        <source>Printer: error</source>
        <translation>Skriver: feil</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="50" />
        <source>No printer</source>
        <translation>Ingen skriver</translation>
    </message>
</context>
<context>
    <name>NumberDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="41" />
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="45" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="46" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="34" />
        <location filename="../../pos/ui/payment_panel.py" line="79" />
        <source>To pay</source>
        <translation>Å betale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="46" />
        <source>Cash received (Enter = exact)</source>
        <translation>Mottatt kontant (Enter = eksakt)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="51" />
        <source>Exact</source>
        <translation>Eksakt beløp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="60" />
        <source>Back to sale</source>
        <translation>Tilbake til salget</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="63" />
        <source>Next customer</source>
        <translation>Neste kunde</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="83" />
        <source>In cash: {0}</source>
        <translation>Kontant: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="85" />
        <source>Paid so far: {0}</source>
        <translation>Betalt så langt: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="97" />
        <source>Change</source>
        <translation>Veksel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="100" />
        <source>Receipt {0} · paid {1}</source>
        <translation>Kvittering {0} · betalt {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="123" />
        <source>Not an amount: {0}</source>
        <translation>Ikke et beløp: {0}</translation>
    </message>
</context>
<context>
    <name>ProductPanel</name>
    <message>
        <location filename="../../pos/ui/product_panel.py" line="122" />
        <source>{0} matches for “{1}”</source>
        <translation>{0} treff for «{1}»</translation>
    </message>
    <message>
        <location filename="../../pos/ui/product_panel.py" line="124" />
        <source>No product matches “{0}”</source>
        <translation>Ingen varer passer «{0}»</translation>
    </message>
</context>
<context>
    <name>SaleView</name>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="62" />
        <source>Scan, or type a name or number</source>
        <translation>Skann, eller skriv navn eller nummer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="126" />
        <source>Quantity</source>
        <translation>Antall</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="127" />
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="128" />
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="129" />
        <source>Void line</source>
        <translation>Slett linje</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="130" />
        <source>Park</source>
        <translation>Parker</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="131" />
        <source>Resume</source>
        <translation>Hent parkert</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="132" />
        <source>Copy receipt</source>
        <translation>Kopi / utskrift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="133" />
        <source>Open drawer</source>
        <translation>Åpne skuff</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="134" />
        <source>Void sale</source>
        <translation>Annuller salg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="135" />
        <source>Devices</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="136" />
        <source>Log out</source>
        <translation>Logg ut</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="146" />
        <source>Pay</source>
        <translation>Betal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="180" />
        <source>VAT {0} %: {1}</source>
        <translation>MVA {0} %: {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="186" />
        <source>{0} items</source>
        <translation>{0} varer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="262" />
        <source>{0}: EXPIRED (best before date passed) – check the item.</source>
        <translation>{0}: UTLØPT (datoen er passert) – sjekk varen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="377" />
        <source>Sale {0} saved.</source>
        <translation>Salg {0} er lagret.</translation>
    </message>
</context>
<context>
    <name>TillStatusBar</name>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="43" />
        <source>TRAINING MODE</source>
        <translation>TRENINGSMODUS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="68" />
        <source>Printer: paper low</source>
        <translation>Skriver: lite papir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="70" />
        <source>{0} waiting (F11)</source>
        <translation>{0} venter (F11)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="77" />
        <source>Drawer left open!</source>
        <translation>Skuffen står åpen!</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="81" />
        <source>Drawer open</source>
        <translation>Skuffen er åpen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="88" />
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="88" />
        <source>Scale</source>
        <translation>Vekt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="89" />
        <source>Display</source>
        <translation>Kundeskjerm</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="99" />
        <source>cashier</source>
        <translation>kasserer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="99" />
        <source>supervisor</source>
        <translation>skiftleder</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="100" />
        <source>manager</source>
        <translation>butikksjef</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="107" />
        <source>Hub: offline · {0} queued</source>
        <translation>Hub: frakoblet · {0} i kø</translation>
    </message>
</context>
<context>
    <name>Weighing</name>
    <message>
        <location filename="../../pos/ui/weighing.py" line="33" />
        <source>Weighing {0}: place it on the scale…</source>
        <translation>Veier {0}: legg varen på vekten…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="42" />
        <source>Scale: {0}</source>
        <translation>Vekt: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="52" />
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="58" />
        <source>The scale did not answer: nothing was added.</source>
        <translation>Vekten svarte ikke: ingenting ble lagt til.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="60" />
        <source>The scale did not settle: hold still and try again.</source>
        <translation>Vekten ble ikke stabil: hold i ro og prøv igjen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="61" />
        <source>Nothing on the scale: nothing was added.</source>
        <translation>Ingenting på vekten: ingenting ble lagt til.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="62" />
        <source>Too heavy for the scale.</source>
        <translation>For tungt for vekten.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="63" />
        <source>The scale reads below zero: zero it first.</source>
        <translation>Vekten viser under null: nullstill den først.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="64" />
        <source>No weight: nothing was added.</source>
        <translation>Ingen vekt: ingenting ble lagt til.</translation>
    </message>
</context>
</TS>
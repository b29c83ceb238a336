<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="sv_SE">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="111" />
        <source>Supervisor's employee number</source>
        <translation>Chefens anställningsnummer</translation>
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
        <translation>Godkänn</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="76" />
        <source>Item</source>
        <translation>Vara</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="76" />
        <source>Qty</source>
        <translation>Antal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="76" />
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="76" />
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="40" />
        <source>price changed: {0}</source>
        <translation>pris ändrat: {0}</translation>
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
        <translation>Nej</translation>
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
        <translation>Kassa – kunddisplay</translation>
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
        <translation>Adress</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="47" />
        <source>State</source>
        <translation>Tillstånd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="55" />
        <source>Last scan: none yet</source>
        <translation>Senaste skanning: ingen ännu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="56" />
        <source>Weight: not read</source>
        <translation>Vikt: inte läst</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="59" />
        <source>Test print</source>
        <translation>Testutskrift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="59" />
        <source>Read scale</source>
        <translation>Läs våg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="60" />
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="62" />
        <source>Open drawer</source>
        <translation>Öppna lådan</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="83" />
        <source>paper low</source>
        <translation>lite papper</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="84" />
        <source>Receipt printer</source>
        <translation>Kvittoskrivare</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="87" />
        <source>Cash drawer</source>
        <translation>Kassalåda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="88" />
        <source>open</source>
        <translation>öppen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="88" />
        <source>closed</source>
        <translation>stängd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="89" />
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="89" />
        <source>Scale</source>
        <translation>Våg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="90" />
        <source>Customer display</source>
        <translation>Kunddisplay</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="97" />
        <source>built in</source>
        <translation>inbyggd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="116" />
        <source>Last scan: {0}{1}</source>
        <translation>Senaste skanning: {0}{1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="120" />
        <source>No scale configured</source>
        <translation>Ingen våg inställd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="122" />
        <source>Weighing…</source>
        <translation>Väger…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="129" />
        <source>Scale: {0}</source>
        <translation>Våg: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="132" />
        <source>The scale did not answer</source>
        <translation>Vågen svarade inte</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="134" />
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="134" />
        <source>in motion</source>
        <translation>i rörelse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="135" />
        <source>zero</source>
        <translation>noll</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="136" />
        <source>over capacity</source>
        <translation>över kapacitet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="137" />
        <source>under zero</source>
        <translation>under noll</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="138" />
        <source>Weight: {0} ({1})</source>
        <translation>Vikt: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>LineActions</name>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="26" />
        <source>Damaged item</source>
        <translation>Skadad vara</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="27" />
        <source>Price on shelf differs</source>
        <translation>Annat pris på hyllan</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="28" />
        <source>Customer complaint</source>
        <translation>Kundklagomål</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="29" />
        <source>Staff discount</source>
        <translation>Personalrabatt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="30" />
        <source>Manager decision</source>
        <translation>Butikschefens beslut</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="60" />
        <source>grams</source>
        <translation>gram</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="62" />
        <source>pieces</source>
        <translation>st</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="67" />
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="68" />
        <source>New quantity ({0})</source>
        <translation>Nytt antal ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="90" />
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="91" />
        <source>New price for {0}</source>
        <translation>Nytt pris för {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="109" />
        <source>the selected line</source>
        <translation>vald rad</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="111" />
        <source>the whole receipt</source>
        <translation>hela kvittot</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="115" />
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="116" />
        <source>Percent off {0}</source>
        <translation>Procent rabatt på {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="138" />
        <source>Weight</source>
        <translation>Vikt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="139" />
        <source>{0} ({1}/kg): weight in grams</source>
        <translation>{0} ({1}/kg): vikt i gram</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="167" />
        <source>Void sale</source>
        <translation>Makulera köp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="168" />
        <source>Void the whole sale?</source>
        <translation>Makulera hela köpet?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="177" />
        <source>Sale parked.</source>
        <translation>Köpet är parkerat.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="187" />
        <source>No parked sales.</source>
        <translation>Inga parkerade köp.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="191" />
        <source>Resume a parked sale</source>
        <translation>Hämta parkerat köp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="206" />
        <source>Receipts waiting for the printer sent again.</source>
        <translation>Väntande kvitton skickade till skrivaren igen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="212" />
        <source>Copy of the last receipt sent to the printer.</source>
        <translation>Kopia av senaste kvittot skickad till skrivaren.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="223" />
        <source>{0} · {1} line(s) · {2} {3}</source>
        <translation>{0} · {1} rad(er) · {2} {3}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="237" />
        <source>Open drawer</source>
        <translation>Öppna lådan</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="238" />
        <source>A supervisor must approve opening the drawer without a sale.</source>
        <translation>En chef måste godkänna att lådan öppnas utan köp.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="254" />
        <source>Drawer opened (no sale), journaled.</source>
        <translation>Lådan öppnad (utan köp) och loggförd.</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../../pos/ui/login_view.py" line="35" />
        <source>Register {0}</source>
        <translation>Kassa {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login_view.py" line="40" />
        <source>Employee number</source>
        <translation>Anställningsnummer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login_view.py" line="43" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login_view.py" line="66" />
        <source>Log in</source>
        <translation>Logga in</translation>
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
        <translation>Kassans databas är skadad och den här kassan har slutat sälja.
Inget har raderats. Ring support och låt filen vara som den är:
{0}

{1}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../pos/ui/messages.py" line="10" />
        <source>Unknown barcode {0}: nothing was added.</source>
        <translation>Okänd streckkod {0}: inget lades till.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="11" />
        <source>Could not read barcode {0}: check digit or format is wrong. Scan again.</source>
        <translation>Kunde inte läsa streckkod {0}: fel kontrollsiffra eller format. Skanna igen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="14" />
        <source>{0} is a receipt barcode: returns are not taken here yet.</source>
        <translation>{0} är en kvittostreckkod: returer tas inte emot här ännu.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="17" />
        <source>Wrong employee number or PIN.</source>
        <translation>Fel anställningsnummer eller PIN.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="18" />
        <source>Finish or park the current sale first.</source>
        <translation>Avsluta eller parkera köpet först.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="19" />
        <source>The sale is empty.</source>
        <translation>Köpet är tomt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="20" />
        <source>There is nothing to park.</source>
        <translation>Det finns inget att parkera.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="21" />
        <source>Payment has started: the sale can no longer be changed.</source>
        <translation>Betalningen har börjat: köpet kan inte längre ändras.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="24" />
        <source>No receipt to reprint yet.</source>
        <translation>Inget kvitto att skriva ut ännu.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="25" />
        <source>That quantity is not possible here: {0}</source>
        <translation>Det antalet är inte möjligt här: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="26" />
        <source>That price is not possible here: {0}</source>
        <translation>Det priset är inte möjligt här: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="27" />
        <source>Give a reason.</source>
        <translation>Ange en orsak.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="28" />
        <source>Not an amount: {0}</source>
        <translation>Inte ett belopp: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="29" />
        <source>Payment refused: {0}</source>
        <translation>Betalning nekad: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="30" />
        <source>A supervisor must do that.</source>
        <translation>Det måste en chef göra.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="31" />
        <source>Select a line first.</source>
        <translation>Välj en rad först.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="32" />
        <source>Too many wrong PINs: wait five minutes or ask a manager.</source>
        <translation>För många fel PIN: vänta fem minuter eller fråga butikschefen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="35" />
        <source>That sale is finished: start the next one.</source>
        <translation>Det köpet är klart: börja nästa.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="39" />
        <source>Refused: {0}</source>
        <translation>Nekad: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="45" />
        <source>Printer ready</source>
        <translation>Skrivare redo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="46" />
        <source>Printer: out of paper</source>
        <translation>Skrivare: slut på papper</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="47" />
        <source>Printer: cover open</source>
        <translation>Skrivare: luckan är öppen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="48" />
        <source>Printer: offline</source>
        <translation>Skrivare: frånkopplad</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="49" />
        <source>Printer: error</source>
        <translation>Skrivare: fel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="50" />
        <source>No printer</source>
        <translation>Ingen skrivare</translation>
    </message>
</context>
<context>
    <name>NumberDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="41" />
        <source>Reason</source>
        <translation>Orsak</translation>
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
        <translation>Att betala</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="46" />
        <source>Cash received (Enter = exact)</source>
        <translation>Mottaget kontant (Enter = jämnt)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="51" />
        <source>Exact</source>
        <translation>Jämnt belopp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="60" />
        <source>Back to sale</source>
        <translation>Tillbaka till köpet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="63" />
        <source>Next customer</source>
        <translation>Nästa kund</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="83" />
        <source>In cash: {0}</source>
        <translation>Kontant: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="85" />
        <source>Paid so far: {0}</source>
        <translation>Betalt hittills: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="97" />
        <source>Change</source>
        <translation>Växel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="100" />
        <source>Receipt {0} · paid {1}</source>
        <translation>Kvitto {0} · betalt {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="123" />
        <source>Not an amount: {0}</source>
        <translation>Inte ett belopp: {0}</translation>
    </message>
</context>
<context>
    <name>ProductPanel</name>
    <message>
        <location filename="../../pos/ui/product_panel.py" line="122" />
        <source>{0} matches for “{1}”</source>
        <translation>{0} träffar för ”{1}”</translation>
    </message>
    <message>
        <location filename="../../pos/ui/product_panel.py" line="124" />
        <source>No product matches “{0}”</source>
        <translation>Ingen vara matchar ”{0}”</translation>
    </message>
</context>
<context>
    <name>SaleView</name>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="62" />
        <source>Scan, or type a name or number</source>
        <translation>Skanna, eller skriv namn eller nummer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="126" />
        <source>Quantity</source>
        <translation>Antal</translation>
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
        <translation>Ta bort rad</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="130" />
        <source>Park</source>
        <translation>Parkera</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="131" />
        <source>Resume</source>
        <translation>Hämta parkerat</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="132" />
        <source>Copy receipt</source>
        <translation>Kopia / utskrift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="133" />
        <source>Open drawer</source>
        <translation>Öppna lådan</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="134" />
        <source>Void sale</source>
        <translation>Makulera köp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="135" />
        <source>Devices</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="136" />
        <source>Log out</source>
        <translation>Logga ut</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="146" />
        <source>Pay</source>
        <translation>Betala</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="180" />
        <source>VAT {0} %: {1}</source>
        <translation>Moms {0} %: {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="186" />
        <source>{0} items</source>
        <translation>{0} varor</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="262" />
        <source>{0}: EXPIRED (best before date passed) – check the item.</source>
        <translation>{0}: UTGÅNGEN (datumet har passerat) – kontrollera varan.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="377" />
        <source>Sale {0} saved.</source>
        <translation>Köp {0} sparat.</translation>
    </message>
</context>
<context>
    <name>TillStatusBar</name>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="43" />
        <source>TRAINING MODE</source>
        <translation>TRÄNINGSLÄGE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="68" />
        <source>Printer: paper low</source>
        <translation>Skrivare: lite papper</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="70" />
        <source>{0} waiting (F11)</source>
        <translation>{0} väntar (F11)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="77" />
        <source>Drawer left open!</source>
        <translation>Lådan står öppen!</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="81" />
        <source>Drawer open</source>
        <translation>Lådan är öppen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="88" />
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="88" />
        <source>Scale</source>
        <translation>Våg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="89" />
        <source>Display</source>
        <translation>Kunddisplay</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="99" />
        <source>cashier</source>
        <translation>kassör</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="99" />
        <source>supervisor</source>
        <translation>skiftledare</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="100" />
        <source>manager</source>
        <translation>butikschef</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="107" />
        <source>Hub: offline · {0} queued</source>
        <translation>Hub: frånkopplad · {0} i kö</translation>
    </message>
</context>
<context>
    <name>Weighing</name>
    <message>
        <location filename="../../pos/ui/weighing.py" line="33" />
        <source>Weighing {0}: place it on the scale…</source>
        <translation>Väger {0}: lägg varan på vågen…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="42" />
        <source>Scale: {0}</source>
        <translation>Våg: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="52" />
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="58" />
        <source>The scale did not answer: nothing was added.</source>
        <translation>Vågen svarade inte: inget lades till.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="60" />
        <source>The scale did not settle: hold still and try again.</source>
        <translation>Vågen blev inte stabil: håll still och försök igen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="61" />
        <source>Nothing on the scale: nothing was added.</source>
        <translation>Inget på vågen: inget lades till.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="62" />
        <source>Too heavy for the scale.</source>
        <translation>För tungt för vågen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="63" />
        <source>The scale reads below zero: zero it first.</source>
        <translation>Vågen visar under noll: nollställ den först.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/weighing.py" line="64" />
        <source>No weight: nothing was added.</source>
        <translation>Ingen vikt: inget lades till.</translation>
    </message>
</context>
</TS>
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
    <name>CardActions</name>
    <message>
        <location filename="../../pos/ui/card_actions.py" line="73" />
        <source>Card approved: {0}. Take the rest.</source>
        <translation>Kort godkjent: {0}. Ta betalt for resten.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_actions.py" line="92" />
        <source>A sale paid by card before the till stopped has been brought back.</source>
        <translation>Et salg betalt med kort før kassen stoppet, er hentet tilbake.</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="83" />
        <location filename="../../pos/ui/card_dialog.py" line="89" />
        <source>Card payment</source>
        <translation>Kortbetaling</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="94" />
        <source>Sending the amount to the terminal…</source>
        <translation>Sender beløpet til terminalen …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="102" />
        <source>Cancel payment</source>
        <translation>Avbryt betalingen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="106" />
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="108" />
        <source>Yes, approved</source>
        <translation>Ja, godkjent</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="111" />
        <source>No, not approved</source>
        <translation>Nei, ikke godkjent</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="113" />
        <source>Ask the terminal again</source>
        <translation>Spør terminalen igjen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="115" />
        <source>Decide later</source>
        <translation>Avgjør senere</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="150" />
        <source>No answer from the terminal. Asking it what happened…</source>
        <translation>Ikke svar fra terminalen. Spør hva som skjedde …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="151" />
        <source>Do not charge the card again.</source>
        <translation>Ikke belast kortet på nytt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="158" />
        <source>Card payment failed: {0}</source>
        <translation>Kortbetalingen feilet: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="201" />
        <source>Cancelling at the terminal…</source>
        <translation>Avbryter på terminalen …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="205" />
        <source>Asking the terminal again…</source>
        <translation>Spør terminalen igjen …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="212" />
        <source>The terminal shows the payment of {0} as APPROVED.</source>
        <translation>Terminalen viser betalingen på {0} som GODKJENT.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="214" />
        <source>The terminal shows the payment of {0} as NOT approved.</source>
        <translation>Terminalen viser betalingen på {0} som IKKE godkjent.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="215" />
        <source>Supervisor</source>
        <translation>Skiftleder</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="216" />
        <source>Confirm with your PIN.</source>
        <translation>Bekreft med PIN-koden din.</translation>
    </message>
</context>
<context>
    <name>CardEndOfDay</name>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="108" />
        <source>Manager</source>
        <translation>Butikksjef</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="109" />
        <source>Close the card terminal's batch and compare its totals: a manager approves.</source>
        <translation>Kjør dagsoppgjør på betalingsterminalen og sammenlign totalene: butikksjefen godkjenner.</translation>
    </message>
</context>
<context>
    <name>CardReversal</name>
    <message>
        <location filename="../../pos/ui/card_reversal.py" line="32" />
        <source>A manager approves.</source>
        <translation>Butikksjefen godkjenner.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_reversal.py" line="33" />
        <source>Manager</source>
        <translation>Butikksjef</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_reversal.py" line="55" />
        <source>Reverse the last card payment: {0} {1}?</source>
        <translation>Tilbakefør siste kortbetaling: {0} {1}?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_reversal.py" line="68" />
        <location filename="../../pos/ui/card_reversal.py" line="69" />
        <source>Reverse card payment</source>
        <translation>Tilbakefør kortbetaling</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_reversal.py" line="73" />
        <source>The card payment of {0} was reversed.</source>
        <translation>Kortbetalingen på {0} er tilbakeført.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_reversal.py" line="77" />
        <source>Not reversed: {0}</source>
        <translation>Ikke tilbakeført: {0}</translation>
    </message>
</context>
<context>
    <name>CardTexts</name>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="18" />
        <source>Customer: insert, tap or swipe the card</source>
        <translation>Kunde: sett inn, hold mot eller dra kortet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="19" />
        <source>Customer: enter the PIN on the terminal</source>
        <translation>Kunde: tast PIN-koden på terminalen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="20" />
        <source>Waiting for the bank…</source>
        <translation>Venter på banken …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="21" />
        <source>Customer: remove the card</source>
        <translation>Kunde: ta ut kortet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="22" />
        <source>Please wait…</source>
        <translation>Vent litt …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="23" />
        <source>Wrong PIN: the customer tries again</source>
        <translation>Feil PIN: kunden prøver igjen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="24" />
        <source>Customer: choose the card application</source>
        <translation>Kunde: velg kortapplikasjon</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="26" />
        <source>Card not accepted. Customer: remove the card</source>
        <translation>Kortet godtas ikke. Kunde: ta ut kortet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="28" />
        <source>Customer: look at the terminal and remove the card</source>
        <translation>Kunde: se på terminalen og ta ut kortet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="34" />
        <source>The bank declined the card.</source>
        <translation>Banken avviste kortet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="35" />
        <source>Not enough money on the card.</source>
        <translation>Ikke dekning på kortet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="36" />
        <source>Wrong PIN.</source>
        <translation>Feil PIN.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="37" />
        <source>Too many wrong PINs: the card is locked.</source>
        <translation>For mange feil PIN: kortet er sperret.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="38" />
        <location filename="../../pos/ui/card_texts.py" line="39" />
        <source>The card has expired.</source>
        <translation>Kortet er utløpt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="40" />
        <source>The card could not be read.</source>
        <translation>Kortet kunne ikke leses.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="41" />
        <source>The card is blocked.</source>
        <translation>Kortet er sperret.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="64" />
        <source>Approved</source>
        <translation>Godkjent</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="68" />
        <source>Declined</source>
        <translation>Avvist</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="68" />
        <source>Nothing was charged. Ask for another card or another way to pay.</source>
        <translation>Ingenting ble belastet. Be om et annet kort eller en annen betalingsmåte.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="71" />
        <source>Cancelled</source>
        <translation>Avbrutt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="71" />
        <source>The payment was cancelled. Nothing was charged.</source>
        <translation>Betalingen ble avbrutt. Ingenting ble belastet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="74" />
        <source>Not charged</source>
        <translation>Ikke belastet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="74" />
        <source>The terminal did not take the payment. Nothing was charged: you may try again.</source>
        <translation>Terminalen tok ikke imot betalingen. Ingenting ble belastet: du kan prøve igjen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="77" />
        <source>Was the payment approved?</source>
        <translation>Ble betalingen godkjent?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="77" />
        <source>The terminal's answer was lost. Do NOT charge the card again.
1. Look at the terminal's screen, or at the card receipt the terminal printed.
2. Did it say APPROVED for this amount?
3. A supervisor confirms your answer with their PIN.</source>
        <translation>Svaret fra terminalen gikk tapt. IKKE belast kortet på nytt.
1. Se på skjermen til terminalen, eller på kortkvitteringen den skrev ut.
2. Sto det GODKJENT for dette beløpet?
3. En skiftleder bekrefter svaret ditt med sin PIN.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="87" />
        <source>An earlier card payment's outcome is not known yet: settle it first.</source>
        <translation>Utfallet av en tidligere kortbetaling er ikke kjent ennå: avklar den først.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="89" />
        <source>The terminal is busy with another payment.</source>
        <translation>Terminalen er opptatt med en annen betaling.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="90" />
        <source>The card amount must be more than zero and at most the amount due.</source>
        <translation>Kortbeløpet må være over null og høyst det som skal betales.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="92" />
        <source>No card terminal is configured.</source>
        <translation>Ingen betalingsterminal er satt opp.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="93" />
        <source>Finish or park the current sale first.</source>
        <translation>Fullfør eller parker salget først.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="95" />
        <source>There is no approved card payment to reverse.</source>
        <translation>Det finnes ingen godkjent kortbetaling å tilbakeføre.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="97" />
        <source>That card payment has already been reversed.</source>
        <translation>Den kortbetalingen er allerede tilbakeført.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="100" />
        <source>Card payment refused.</source>
        <translation>Kortbetaling avvist.</translation>
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
    <name>CashMovementDialog</name>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="235" />
        <source>Cash drop to the safe</source>
        <translation>Innskudd i safe</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="236" />
        <source>Pay-in</source>
        <translation>Innbetaling</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="237" />
        <location filename="../../pos/ui/shift_views.py" line="277" />
        <source>Pay-out</source>
        <translation>Utbetaling</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="247" />
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="249" />
        <source>Reason (required)</source>
        <translation>Årsak (må fylles ut)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="259" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="260" />
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="278" />
        <source>A supervisor must approve a pay-out.</source>
        <translation>En skiftleder må godkjenne en utbetaling.</translation>
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
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="300" />
        <location filename="../../pos/ui/shift_views.py" line="456" />
        <source>Close shift</source>
        <translation>Avslutt skift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="317" />
        <source>Count the drawer (blind count): cash by coin and note</source>
        <translation>Tell kassaskuffen (blindtelling): kontanter per mynt og seddel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="320" />
        <source>The expected amount is shown only after the count is done.</source>
        <translation>Forventet beløp vises først når tellingen er ferdig.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="331" />
        <source>{0}, total of the slips:</source>
        <translation>{0}, sum av kvitteringene:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="344" />
        <location filename="../../pos/ui/shift_views.py" line="400" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="345" />
        <source>Count done</source>
        <translation>Telling ferdig</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="375" />
        <source>Expected and counted</source>
        <translation>Forventet og talt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="381" />
        <source>Tender</source>
        <translation>Betalingsmiddel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="381" />
        <source>Expected</source>
        <translation>Forventet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="381" />
        <source>Counted</source>
        <translation>Talt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="381" />
        <source>Variance</source>
        <translation>Differanse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="401" />
        <source>Approve and close</source>
        <translation>Godkjenn og avslutt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="411" />
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="434" />
        <source>The variance is more than {0}: write what happened, then a supervisor approves.</source>
        <translation>Differansen er mer enn {0}: skriv hva som skjedde, så godkjenner en skiftleder.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="437" />
        <source>Reason for the variance (required)</source>
        <translation>Årsak til differansen (må fylles ut)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="439" />
        <source>Within {0}. A supervisor approves the close.</source>
        <translation>Innenfor {0}. En skiftleder godkjenner avslutningen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="442" />
        <source>Note (optional)</source>
        <translation>Merknad (valgfritt)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="457" />
        <source>A supervisor approves the shift's close.</source>
        <translation>En skiftleder godkjenner avslutningen av skiftet.</translation>
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
    <name>CustomerCard</name>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="53" />
        <source>Customer card</source>
        <translation>Kundekort</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="83" />
        <source>Wish list (web shop)</source>
        <translation>Ønskeliste (nettbutikk)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="84" />
        <source>Open web orders</source>
        <translation>Åpne nettordrer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="85" />
        <source>Recent purchases, all channels</source>
        <translation>Siste kjøp, alle kanaler</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="100" />
        <source>Refresh</source>
        <translation>Oppdater</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="101" />
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="116" />
        <source>Asking the hub…</source>
        <translation>Spør huben …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="117" />
        <source>Hub offline: the wish list, web orders and purchases cannot be shown now. The sale goes on; points are counted when the hub is back.</source>
        <translation>Hub frakoblet: ønskeliste, nettordrer og kjøp kan ikke vises nå. Salget fortsetter; poengene telles når huben er tilbake.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="128" />
        <source>{0} · {1} points</source>
        <translation>{0} · {1} poeng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="130" />
        <source>Tier: {0}</source>
        <translation>Nivå: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="137" />
        <source>No wish list on the web shop.</source>
        <translation>Ingen ønskeliste i nettbutikken.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="138" />
        <source>No web shop account linked.</source>
        <translation>Ingen nettbutikkonto koblet til.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="142" />
        <source>Green: in stock in this store. Touch, or press its number, to add it.</source>
        <translation>Grønn: på lager i denne butikken. Trykk på varen, eller tallet, for å legge den til.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="144" />
        <source>{0} more on the web.</source>
        <translation>{0} til på nett.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="148" />
        <source>No open web orders.</source>
        <translation>Ingen åpne nettordrer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="150" />
        <source>Web shop</source>
        <translation>Nettbutikk</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="151" />
        <source>{0} · {1}
{2} · {3}</source>
        <translation>{0} · {1}
{2} · {3}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="156" />
        <source>No purchases yet.</source>
        <translation>Ingen kjøp ennå.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="159" />
        <source>being prepared</source>
        <translation>under behandling</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="160" />
        <source>ready for pickup / packed</source>
        <translation>klar til henting / pakket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="161" />
        <source>partly packed</source>
        <translation>delvis pakket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="164" />
        <source>#{0} · {1}
{2} · {3}</source>
        <translation>#{0} · {1}
{2} · {3}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="175" />
        <source>{0}  {1}
no longer sold</source>
        <translation>{0}  {1}
selges ikke lenger</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="179" />
        <source>{0} in stock here</source>
        <translation>{0} på lager her</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="181" />
        <source>no longer sold</source>
        <translation>selges ikke lenger</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="183" />
        <source>not in stock here</source>
        <translation>ikke på lager her</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="35" />
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="39" />
        <source>Scan the loyalty card, or type a phone number, an e-mail address or a name</source>
        <translation>Skann kundekortet, eller skriv telefonnummer, e-postadresse eller navn</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="53" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="54" />
        <source>No customer</source>
        <translation>Ingen kunde</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="55" />
        <source>New member</source>
        <translation>Nytt medlem</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="56" />
        <source>Attach</source>
        <translation>Legg til</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="69" />
        <source>Searching…</source>
        <translation>Søker …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="74" />
        <source>Something went wrong: {0}</source>
        <translation>Noe gikk galt: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="80" />
        <source>{0} · {1} · {2} points</source>
        <translation>{0} · {1} · {2} poeng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="88" />
        <source>Hub offline: showing customers known to this till; balances may be old.</source>
        <translation>Hub frakoblet: viser kunder denne kassen kjenner; saldo kan være utdatert.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="90" />
        <source>No customer found.</source>
        <translation>Fant ingen kunde.</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="41" />
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="43" />
        <source>Pay with points</source>
        <translation>Betal med poeng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="46" />
        <source>Customer card</source>
        <translation>Kundekort</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="84" />
        <source>No customer · scan a loyalty card or press Ctrl+K</source>
        <translation>Ingen kunde · skann et kundekort eller trykk Ctrl+K</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="95" />
        <source>★ {0} · {1} points</source>
        <translation>★ {0} · {1} poeng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="99" />
        <source>({0} not yet confirmed)</source>
        <translation>({0} ikke bekreftet ennå)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="102" />
        <source>{0} used on this sale</source>
        <translation>{0} brukt på dette kjøpet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="105" />
        <source>earns {0} on this sale</source>
        <translation>får {0} for dette kjøpet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="107" />
        <source>earned {0} on this sale</source>
        <translation>fikk {0} for dette kjøpet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="139" />
        <source>hub offline: no customer card now, the sale goes on</source>
        <translation>hub frakoblet: kundekortet kan ikke vises nå, salget fortsetter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="142" />
        <source>{0} open web orders</source>
        <translation>{0} åpne nettordrer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="145" />
        <source>wish list {0} ({1} in stock here)</source>
        <translation>ønskeliste {0} ({1} på lager her)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="186" />
        <source>{0} cannot be sold here: not in this till's catalog.</source>
        <translation>{0} kan ikke selges her: finnes ikke i kassens vareregister.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="200" />
        <source>Customer {0} attached.</source>
        <translation>Kunde {0} er lagt til.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="218" />
        <source>{0} points taken as payment.</source>
        <translation>{0} poeng brukt som betaling.</translation>
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
        <location filename="../../pos/ui/devices_view.py" line="44" />
        <source>Devices</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="49" />
        <source>Device</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="50" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="49" />
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="57" />
        <source>Last scan: none yet</source>
        <translation>Siste skann: ingen ennå</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="58" />
        <source>Weight: not read</source>
        <translation>Vekt: ikke lest</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="61" />
        <source>Test print</source>
        <translation>Testutskrift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="61" />
        <source>Read scale</source>
        <translation>Les vekt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="62" />
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="64" />
        <source>Open drawer</source>
        <translation>Åpne skuff</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="66" />
        <source>Card end of day</source>
        <translation>Kort: dagsoppgjør</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="67" />
        <source>Reverse last card payment</source>
        <translation>Tilbakefør siste kortbetaling</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="90" />
        <source>paper low</source>
        <translation>lite papir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="91" />
        <source>Receipt printer</source>
        <translation>Kvitteringsskriver</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="94" />
        <source>Cash drawer</source>
        <translation>Kasseskuff</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="95" />
        <source>open</source>
        <translation>åpen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="95" />
        <source>closed</source>
        <translation>lukket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="98" />
        <source>Card terminal</source>
        <translation>Betalingsterminal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="99" />
        <source>payment outcome unknown</source>
        <translation>ukjent utfall av betaling</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="100" />
        <source>configured</source>
        <translation>satt opp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="101" />
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="101" />
        <source>Scale</source>
        <translation>Vekt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="102" />
        <source>Customer display</source>
        <translation>Kundeskjerm</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="110" />
        <source>built in</source>
        <translation>innebygd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="130" />
        <source>Last scan: {0}{1}</source>
        <translation>Siste skann: {0}{1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="134" />
        <source>No scale configured</source>
        <translation>Ingen vekt er satt opp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="136" />
        <source>Weighing…</source>
        <translation>Veier…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="143" />
        <source>Scale: {0}</source>
        <translation>Vekt: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="146" />
        <source>The scale did not answer</source>
        <translation>Vekten svarte ikke</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="148" />
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="148" />
        <source>in motion</source>
        <translation>i bevegelse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="149" />
        <source>zero</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="150" />
        <source>over capacity</source>
        <translation>over kapasitet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="151" />
        <source>under zero</source>
        <translation>under null</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="152" />
        <source>Weight: {0} ({1})</source>
        <translation>Vekt: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>EndOfDayDialog</name>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="220" />
        <source>End of day</source>
        <translation>Dagsoppgjør</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="224" />
        <source>End of day {0}</source>
        <translation>Dagsoppgjør {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="245" />
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="246" />
        <source>Flag open shifts and go on</source>
        <translation>Merk åpne skift og fortsett</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="249" />
        <source>Run</source>
        <translation>Kjør</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="253" />
        <source>Every shift closed</source>
        <translation>Alle skift avsluttet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="254" />
        <source>Card terminal end of day, reconciled</source>
        <translation>Dagsoppgjør i betalingsterminalen, avstemt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="255" />
        <source>Z report stored and printed</source>
        <translation>Z-rapport lagret og skrevet ut</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="256" />
        <source>SAF-T file for the day</source>
        <translation>SAF-T-fil for dagen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="257" />
        <source>Day summary to the hub</source>
        <translation>Dagssammendrag til huben</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="260" />
        <source>done</source>
        <translation>ferdig</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="260" />
        <source>skipped</source>
        <translation>hoppet over</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="261" />
        <source>flagged</source>
        <translation>merket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="261" />
        <source>waiting</source>
        <translation>venter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="262" />
        <source>failed</source>
        <translation>feilet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="262" />
        <source>to do</source>
        <translation>gjenstår</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="272" />
        <source>The end of day for today is done; it does not run twice.</source>
        <translation>Dagsoppgjøret for i dag er gjort; det kjøres ikke to ganger.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="274" />
        <source>Only a manager runs the end of day.</source>
        <translation>Bare butikksjefen kjører dagsoppgjøret.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="276" />
        <source>Today's Z report has already been run; a second is refused.</source>
        <translation>Dagens Z-rapport er allerede kjørt; en ny blir avvist.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="300" />
        <source>Flag and go on</source>
        <translation>Merk og fortsett</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="324" />
        <source>Open shifts: {0}</source>
        <translation>Åpne skift: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="326" />
        <source>No card terminal configured</source>
        <translation>Ingen betalingsterminal satt opp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="330" />
        <source>Z report no. {0}</source>
        <translation>Z-rapport nr. {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="332" />
        <source>Written to {0}</source>
        <translation>Skrevet til {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="334" />
        <source>SAF-T export not available on this till yet</source>
        <translation>SAF-T-eksport finnes ikke på denne kassen ennå</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="336" />
        <source>No hub configured</source>
        <translation>Ingen hub satt opp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="343" />
        <source>Terminal: {0}</source>
        <translation>Terminal: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="346" />
        <source>Terminal {0} · Kassa {1} · difference {2}</source>
        <translation>Terminal {0} · Kassa {1} · differanse {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="353" />
        <source>unresolved, terminal receipts: {0}</source>
        <translation>uavklart, terminalkvitteringer: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="365" />
        <source>End of day done. The Z report is printed.</source>
        <translation>Dagsoppgjøret er ferdig. Z-rapporten er skrevet ut.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="372" />
        <source>Shifts are still open: close them, or flag them and go on.</source>
        <translation>Det er fortsatt åpne skift: avslutt dem, eller merk dem og fortsett.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="374" />
        <source>The card terminal did not answer: try again, or flag it and go on.</source>
        <translation>Betalingsterminalen svarte ikke: prøv igjen, eller merk det og fortsett.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="376" />
        <source>A step did not finish; fix it and run again.</source>
        <translation>Et steg ble ikke fullført; rett opp og kjør igjen.</translation>
    </message>
</context>
<context>
    <name>FiscalBlock</name>
    <message>
        <location filename="../../pos/ui/fiscal_block.py" line="12" />
        <source>This till cannot sell: receipts must be signed and the signing key is not usable.
Nothing has been sold or changed. Ask IT to fix the [fiscal] settings:

{0}</source>
        <translation>Denne kassen kan ikke selge: kvitteringer må signeres, og signeringsnøkkelen kan ikke brukes.
Ingenting er solgt eller endret. Be IT rette innstillingene under [fiscal]:

{0}</translation>
    </message>
</context>
<context>
    <name>HubStatus</name>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="17" />
        <source>never</source>
        <translation>aldri</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="20" />
        <source>just now</source>
        <translation>nå nettopp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="22" />
        <source>{0} s ago</source>
        <translation>for {0} s siden</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="24" />
        <source>{0} min ago</source>
        <translation>for {0} min siden</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="26" />
        <source>{0} h ago</source>
        <translation>for {0} t siden</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="27" />
        <source>{0} d ago</source>
        <translation>for {0} d siden</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="32" />
        <source>Hub: not enrolled (kassa enrol)</source>
        <translation>Hub: ikke registrert (kassa enrol)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="34" />
        <source>Hub: credential missing</source>
        <translation>Hub: nøkkel mangler</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="36" />
        <source>Hub: credential refused</source>
        <translation>Hub: nøkkel avvist</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="38" />
        <source>Hub: stopped, numbers clash</source>
        <translation>Hub: stoppet, nummerkonflikt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="40" />
        <source>Hub: stopped, batch refused</source>
        <translation>Hub: stoppet, sending avvist</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="42" />
        <source>Hub: stopped by an error</source>
        <translation>Hub: stoppet av en feil</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="50" />
        <source>{0} queued</source>
        <translation>{0} i kø</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="52" />
        <source>Hub: not set up</source>
        <translation>Hub: ikke satt opp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="55" />
        <source>Sales are kept on this till. Call support.</source>
        <translation>Salgene lagres på denne kassen. Ring support.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="59" />
        <source>Hub: online · in sync</source>
        <translation>Hub: tilkoblet · synkronisert</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="60" />
        <source>last sync {0}</source>
        <translation>sist synkronisert {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="62" />
        <source>Hub: online</source>
        <translation>Hub: tilkoblet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="63" />
        <source>Hub: offline</source>
        <translation>Hub: frakoblet</translation>
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
        <translation>En skiftleder må godkjenne at skuffen åpnes uten salg.</translation>
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
        <location filename="../../pos/ui/main_window.py" line="98" />
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
    <name>ManagerView</name>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="54" />
        <source>Shift, cash and reports</source>
        <translation>Skift, kontanter og rapporter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="66" />
        <source>Open shift</source>
        <translation>Åpne skift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="67" />
        <source>Close shift</source>
        <translation>Avslutt skift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="68" />
        <source>Cash drop</source>
        <translation>Til safe</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="69" />
        <source>Pay-in</source>
        <translation>Innbetaling</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="70" />
        <source>Pay-out</source>
        <translation>Utbetaling</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="71" />
        <location filename="../../pos/ui/manager_view.py" line="160" />
        <source>Open drawer</source>
        <translation>Åpne skuff</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="72" />
        <source>X report</source>
        <translation>X-rapport</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="73" />
        <source>Print report</source>
        <translation>Skriv ut rapport</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="74" />
        <location filename="../../pos/ui/manager_view.py" line="195" />
        <source>Z reports</source>
        <translation>Z-rapporter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="75" />
        <source>End of day</source>
        <translation>Dagsoppgjør</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="76" />
        <source>Back to sale</source>
        <translation>Tilbake til salget</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="110" />
        <source>No open shift for {0}.</source>
        <translation>Ikke noe åpent skift for {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="112" />
        <source>Shift {0} open since {1}, float {2}.</source>
        <translation>Skift {0} åpent siden {1}, veksel {2}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="118" />
        <source>Open shifts on this register: {0}.</source>
        <translation>Åpne skift på denne kassen: {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="125" />
        <source>Shift opened.</source>
        <translation>Skiftet er åpnet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="135" />
        <source>Which shift?</source>
        <translation>Hvilket skift?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="148" />
        <source>Shift {0} closed.</source>
        <translation>Skift {0} er avsluttet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="154" />
        <source>Saved and journaled.</source>
        <translation>Lagret og logget.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="161" />
        <source>A supervisor must approve opening the drawer without a sale.</source>
        <translation>En skiftleder må godkjenne at skuffen åpnes uten salg.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="168" />
        <source>Drawer opened (no sale), journaled.</source>
        <translation>Skuffen er åpnet (uten salg) og loggført.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="176" />
        <source>Z report no. {0}, as stored and printed.</source>
        <translation>Z-rapport nr. {0}, slik den ble lagret og skrevet ut.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="181" />
        <source>X report: nothing was reset.</source>
        <translation>X-rapport: ingenting er nullstilt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="188" />
        <source>Sent to the receipt printer.</source>
        <translation>Sendt til kvitteringsskriveren.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="193" />
        <source>No Z report yet.</source>
        <translation>Ingen Z-rapport ennå.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="196" />
        <source>Z {0} · {1} · {2} receipts</source>
        <translation>Z {0} · {1} · {2} kvitteringer</translation>
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
        <source>{0} is a receipt: finish or park this sale, then scan it for a return.</source>
        <translation>{0} er en kvittering: fullfør eller parker salget, og skann den så for retur.</translation>
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
        <source>This sale already has its copy receipt: only one copy is allowed.</source>
        <translation>Dette salget har allerede fått kopikvittering: bare én kopi er tillatt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="28" />
        <source>That quantity is not possible here: {0}</source>
        <translation>Det antallet er ikke mulig her: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="29" />
        <source>That price is not possible here: {0}</source>
        <translation>Den prisen er ikke mulig her: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="30" />
        <source>Give a reason.</source>
        <translation>Oppgi en årsak.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="31" />
        <source>Not an amount: {0}</source>
        <translation>Ikke et beløp: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="32" />
        <source>Payment refused: {0}</source>
        <translation>Betaling avvist: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="33" />
        <source>A supervisor must do that.</source>
        <translation>Det må en skiftleder gjøre.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="34" />
        <source>Select a line first.</source>
        <translation>Velg en linje først.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="35" />
        <source>Too many wrong PINs: wait five minutes or ask a manager.</source>
        <translation>For mange feil PIN: vent fem minutter eller spør butikksjefen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="38" />
        <source>That sale is finished: start the next one.</source>
        <translation>Det salget er ferdig: start neste.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="41" />
        <source>Points need the hub, which cannot be reached now: take another payment.</source>
        <translation>Poeng krever kontakt med huben, og den kan ikke nås nå: ta en annen betalingsmåte.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="44" />
        <source>The customer has no points to use.</source>
        <translation>Kunden har ingen poeng å bruke.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="45" />
        <source>Attach the customer first (Ctrl+K).</source>
        <translation>Legg til kunden først (Ctrl+K).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="46" />
        <source>A new member needs a name and a phone number or an e-mail address.</source>
        <translation>Et nytt medlem trenger navn og telefonnummer eller e-postadresse.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="49" />
        <source>Signing up needs the hub, which cannot be reached now: try again later.</source>
        <translation>Innmelding trenger huben, som ikke svarer nå: prøv igjen senere.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="52" />
        <source>Sign-up refused: {0}</source>
        <translation>Innmelding avvist: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="54" />
        <source>Refused: {0}</source>
        <translation>Avvist: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="60" />
        <source>Printer ready</source>
        <translation>Skriver klar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="61" />
        <source>Printer: out of paper</source>
        <translation>Skriver: tomt for papir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="62" />
        <source>Printer: cover open</source>
        <translation>Skriver: lokket er åpent</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="63" />
        <source>Printer: offline</source>
        <translation>Skriver: frakoblet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="64" />
        <source>Printer: error</source>
        <translation>Skriver: feil</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="65" />
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
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="196" />
        <location filename="../../pos/ui/shift_views.py" line="213" />
        <source>Open shift</source>
        <translation>Åpne skift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="200" />
        <source>Open a shift for {0}: count the float in the drawer</source>
        <translation>Åpne skift for {0}: tell vekselen i skuffen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="212" />
        <source>Not now</source>
        <translation>Ikke nå</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="35" />
        <location filename="../../pos/ui/payment_panel.py" line="85" />
        <source>To pay</source>
        <translation>Å betale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="47" />
        <source>Cash received (Enter = exact)</source>
        <translation>Mottatt kontant (Enter = eksakt)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="52" />
        <source>Exact</source>
        <translation>Eksakt beløp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="57" />
        <source>Card</source>
        <translation>Kort</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="66" />
        <source>Back to sale</source>
        <translation>Tilbake til salget</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="69" />
        <source>Next customer</source>
        <translation>Neste kunde</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="89" />
        <source>In cash: {0}</source>
        <translation>Kontant: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="91" />
        <source>Paid so far: {0}</source>
        <translation>Betalt så langt: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="103" />
        <source>Change</source>
        <translation>Veksel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="106" />
        <source>Paid by card</source>
        <translation>Betalt med kort</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="109" />
        <source>Receipt {0} · paid {1}</source>
        <translation>Kvittering {0} · betalt {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="132" />
        <location filename="../../pos/ui/payment_panel.py" line="147" />
        <source>Not an amount: {0}</source>
        <translation>Ikke et beløp: {0}</translation>
    </message>
</context>
<context>
    <name>PickupDesk</name>
    <message>
        <location filename="../../pos/ui/pickup_desk.py" line="87" />
        <source>Click &amp; collect: {0} waiting (F5)</source>
        <translation>Klikk og hent: {0} venter (F5)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_desk.py" line="90" />
        <source>{0} flagged</source>
        <translation>{0} flagget</translation>
    </message>
</context>
<context>
    <name>PickupDialog</name>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="50" />
        <source>Click &amp; collect</source>
        <translation>Klikk og hent</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="72" />
        <source>Item</source>
        <translation>Vare</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="72" />
        <source>Ordered</source>
        <translation>Bestilt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="73" />
        <source>Checked</source>
        <translation>Sjekket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="87" />
        <source>Refresh</source>
        <translation>Oppdater</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="88" />
        <source>All checked</source>
        <translation>Alt sjekket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="90" />
        <source>Hand over</source>
        <translation>Lever ut</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="93" />
        <location filename="../../pos/ui/pickup_view.py" line="170" />
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="118" />
        <source>Click &amp; collect: {0} waiting</source>
        <translation>Klikk og hent: {0} venter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="119" />
        <source>Scan or type the order number, then Enter</source>
        <translation>Skann eller tast ordrenummeret, så Enter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="122" />
        <source>{0}   {1}   {2} pcs</source>
        <translation>{0}   {1}   {2} stk</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="137" />
        <source>Offline: the hub cannot be reached ({0}). The list may be out of date; a hand-over needs the hub.</source>
        <translation>Frakoblet: huben svarer ikke ({0}). Listen kan være utdatert; en utlevering trenger huben.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="140" />
        <source>No pickup orders waiting for this store.</source>
        <translation>Ingen hentebestillinger venter i denne butikken.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="147" />
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="151" />
        <source>Order {0} · {1}</source>
        <translation>Ordre {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="152" />
        <source>Scan each item (or All checked, F3)</source>
        <translation>Skann hver vare (eller Alt sjekket, F3)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="194" />
        <source>No open pickup order {0} for this store.</source>
        <translation>Ingen åpen hentebestilling {0} i denne butikken.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="201" />
        <source>{0}: {1} of {2}</source>
        <translation>{0}: {1} av {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="203" />
        <source>{0}: all already checked</source>
        <translation>{0}: alle er allerede sjekket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="205" />
        <source>{0} is not in this order</source>
        <translation>{0} er ikke i denne ordren</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="206" />
        <source>Unknown code {0}</source>
        <translation>Ukjent kode {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="223" />
        <source>All items checked.</source>
        <translation>Alle varer er sjekket.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="235" />
        <source>Handing over {0}…</source>
        <translation>Leverer ut {0} …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="239" />
        <source>Not handed over: the hub cannot be reached ({0}). Keep the goods and try again.</source>
        <translation>Ikke levert ut: huben svarer ikke ({0}). Behold varene og prøv igjen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="242" />
        <source>Not handed over: {0}</source>
        <translation>Ikke levert ut: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="246" />
        <source>Order {0} handed over to {1}.</source>
        <translation>Ordre {0} levert ut til {1}.</translation>
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
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="32" />
        <source>Card terminal end of day</source>
        <translation>Betalingsterminal: dagsoppgjør</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="39" />
        <source>Closing the terminal's batch…</source>
        <translation>Kjører dagsoppgjør på terminalen …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="45" />
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="70" />
        <source>End of day failed: {0}</source>
        <translation>Dagsoppgjøret feilet: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="77" />
        <source>The terminal's end of day failed: {0}</source>
        <translation>Dagsoppgjøret på terminalen feilet: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="81" />
        <source>Card totals match: {0}</source>
        <translation>Korttotalene stemmer: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="85" />
        <source>Card totals do not match</source>
        <translation>Korttotalene stemmer ikke</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="87" />
        <source>Kassa: {0} (card payments: {1})</source>
        <translation>Kassa: {0} (kortbetalinger: {1})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="90" />
        <source>Terminal: {0}</source>
        <translation>Terminal: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="92" />
        <source>Difference: {0}</source>
        <translation>Differanse: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="95" />
        <source>Unresolved card payment {0}: {1}, terminal receipt {2}</source>
        <translation>Uavklart kortbetaling {0}: {1}, terminalkvittering {2}</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../../pos/ui/report_view.py" line="139" />
        <source>Sales by hour</source>
        <translation>Salg per time</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="140" />
        <source>By tender</source>
        <translation>Per betalingsmiddel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="141" />
        <source>By department</source>
        <translation>Per varegruppe</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="162" />
        <source>Z report no. {0}</source>
        <translation>Z-rapport nr. {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="162" />
        <source>X report</source>
        <translation>X-rapport</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="163" />
        <source>{0} · register {1} · {2} {3}</source>
        <translation>{0} · kasse {1} · {2} {3}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="166" />
        <source>Total sales</source>
        <translation>Totalt salg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="167" />
        <source>Receipts</source>
        <translation>Kvitteringer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="168" />
        <source>Transactions</source>
        <translation>Transaksjoner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="174" />
        <source>  VAT {0} % (base {1})</source>
        <translation>  MVA {0} % (grunnlag {1})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="179" />
        <source>Opening float</source>
        <translation>Inngående veksel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="180" />
        <source>Returns ({0})</source>
        <translation>Returer ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="182" />
        <source>Discounts ({0})</source>
        <translation>Rabatter ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="184" />
        <source>Voided sales ({0})</source>
        <translation>Annullerte salg ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="186" />
        <source>Copy receipts ({0})</source>
        <translation>Kopikvitteringer ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="188" />
        <source>Drawer openings without sale</source>
        <translation>Skuffåpninger uten salg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="189" />
        <source>Training receipts ({0}, not in totals)</source>
        <translation>Treningskvitteringer ({0}, ikke i totaler)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="191" />
        <source>Cash drops ({0})</source>
        <translation>Til safe ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="192" />
        <source>Expected cash in drawers</source>
        <translation>Forventet kontant i skuffene</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="193" />
        <source>Grand total sales</source>
        <translation>Grand total salg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="194" />
        <source>Grand total returns</source>
        <translation>Grand total retur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="195" />
        <source>Grand total net</source>
        <translation>Grand total netto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="198" />
        <source>Shifts still open</source>
        <translation>Skift som fortsatt er åpne</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="213" />
        <source>None</source>
        <translation>Ingen</translation>
    </message>
</context>
<context>
    <name>ReturnTable</name>
    <message>
        <location filename="../../pos/ui/returns_table.py" line="25" />
        <source>Item</source>
        <translation>Vare</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_table.py" line="25" />
        <source>Sold</source>
        <translation>Solgt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_table.py" line="25" />
        <source>Returned before</source>
        <translation>Returnert før</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_table.py" line="25" />
        <source>Back now</source>
        <translation>Tilbake nå</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_table.py" line="26" />
        <source>Refund</source>
        <translation>Tilbakebetaling</translation>
    </message>
</context>
<context>
    <name>ReturnsView</name>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="45" />
        <location filename="../../pos/ui/returns_view.py" line="355" />
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="58" />
        <location filename="../../pos/ui/returns_view.py" line="170" />
        <source>Scan the receipt, or type its number</source>
        <translation>Skann kvitteringen, eller skriv nummeret</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="61" />
        <source>Which sale? Scan the receipt's barcode.</source>
        <translation>Hvilket salg? Skann strekkoden på kvitteringen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="81" />
        <source>The reason, in a few words</source>
        <translation>Årsaken, med få ord</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="95" />
        <location filename="../../pos/ui/returns_view.py" line="188" />
        <source>Today's sales</source>
        <translation>Dagens salg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="96" />
        <source>Without receipt</source>
        <translation>Uten kvittering</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="97" />
        <source>Whole line / none</source>
        <translation>Hele linjen / ingen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="99" />
        <location filename="../../pos/ui/returns_view.py" line="248" />
        <source>Quantity</source>
        <translation>Antall</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="101" />
        <source>Refund to…</source>
        <translation>Betal tilbake til…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="102" />
        <location filename="../../pos/ui/returns_view.py" line="372" />
        <source>Void last sale</source>
        <translation>Annuller siste salg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="103" />
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="108" />
        <source>Refund</source>
        <translation>Tilbakebetaling</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="121" />
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="174" />
        <source>Receipt {0} · {1} · {2}</source>
        <translation>Kvittering {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="177" />
        <source>Tap the lines that come back, or F5; F2 for part of a line.</source>
        <translation>Trykk på linjene som leveres tilbake, eller F5; F2 for en del av en linje.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="183" />
        <source>No. {0}   {1}   {2}</source>
        <translation>Nr. {0}   {1}   {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="199" />
        <source>Scan the items that come back</source>
        <translation>Skann varene som leveres tilbake</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="202" />
        <source>Return without a receipt: scan the items. A supervisor approves; the refund is cash or store credit.</source>
        <translation>Retur uten kvittering: skann varene. En skiftleder godkjenner; pengene gis tilbake kontant eller som tilgodelapp.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="247" />
        <source>grams</source>
        <translation>gram</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="247" />
        <source>pieces</source>
        <translation>stk</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="249" />
        <source>How many come back ({0})?</source>
        <translation>Hvor mange leveres tilbake ({0})?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="286" />
        <source>Cash</source>
        <translation>Kontant</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="287" />
        <source>Store credit</source>
        <translation>Tilgodelapp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="289" />
        <source>As paid (card back to card, the rest in cash)</source>
        <translation>Som betalt (kort tilbake til kort, resten kontant)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="291" />
        <source>Refund to</source>
        <translation>Betal tilbake til</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="325" />
        <source>Give back: {0}</source>
        <translation>Gi tilbake: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="326" />
        <source>Items returned: {0}</source>
        <translation>Varer returnert: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="328" />
        <source>cash rounding {0}</source>
        <translation>øreavrunding {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="352" />
        <source>A supervisor must approve a return of {0}.</source>
        <translation>En skiftleder må godkjenne en retur på {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="353" />
        <source>A supervisor must approve a return of {0} without a receipt.</source>
        <translation>En skiftleder må godkjenne en retur på {0} uten kvittering.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="365" />
        <source>Return {0} saved: give the customer {1}.</source>
        <translation>Retur {0} lagret: gi kunden {1}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="373" />
        <source>A supervisor must approve voiding the last sale.</source>
        <translation>En skiftleder må godkjenne annullering av siste salg.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="381" />
        <source>Sale voided as no. {0}: give the customer {1}.</source>
        <translation>Salget er annullert som nr. {0}: gi kunden {1}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="15" />
        <source>Defective</source>
        <translation>Defekt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="16" />
        <source>Wrong size</source>
        <translation>Feil størrelse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="17" />
        <source>Changed mind</source>
        <translation>Angret kjøp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="18" />
        <source>Other…</source>
        <translation>Annet…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="25" />
        <source>cash</source>
        <translation>kontant</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="26" />
        <source>card</source>
        <translation>kort</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="27" />
        <source>store credit</source>
        <translation>tilgodelapp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="28" />
        <source>the web payment</source>
        <translation>nettbetalingen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="35" />
        <source>No sale with receipt {0} on this till.</source>
        <translation>Ingen salg med kvittering {0} på denne kassen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="36" />
        <source>Receipt {0} is a return or a void: it cannot be returned.</source>
        <translation>Kvittering {0} er en retur eller annullering: den kan ikke returneres.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="38" />
        <source>More than was sold (or already returned): {0}</source>
        <translation>Mer enn det som ble solgt (eller allerede returnert): {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="39" />
        <source>Pick what comes back.</source>
        <translation>Velg hva som leveres tilbake.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="40" />
        <source>Choose a reason.</source>
        <translation>Velg en årsak.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="41" />
        <source>A supervisor must approve this return.</source>
        <translation>En skiftleder må godkjenne denne returen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="42" />
        <source>The card refund failed: {0}. Nothing was refunded.</source>
        <translation>Tilbakeføringen til kortet feilet: {0}. Ingenting ble betalt tilbake.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="44" />
        <source>There is no sale of yours in this session to void.</source>
        <translation>Du har ikke noe salg i denne økten å annullere.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="46" />
        <source>Receipt {0} has returns already: take a return instead.</source>
        <translation>Kvittering {0} har allerede returer: ta en retur i stedet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="48" />
        <source>The sale is not on this till and the hub does not answer: {0}</source>
        <translation>Salget finnes ikke i denne kassen, og huben svarer ikke: {0}</translation>
    </message>
</context>
<context>
    <name>SaleView</name>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="68" />
        <source>Scan, or type a name or number</source>
        <translation>Skann, eller skriv navn eller nummer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="114" />
        <source>Shift and
reports</source>
        <translation>Skift og
rapporter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="149" />
        <source>Quantity</source>
        <translation>Antall</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="150" />
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="151" />
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="152" />
        <source>Void line</source>
        <translation>Slett linje</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="153" />
        <source>Park</source>
        <translation>Parker</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="154" />
        <source>Resume</source>
        <translation>Hent parkert</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="155" />
        <source>Copy receipt</source>
        <translation>Kopi / utskrift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="156" />
        <source>Open drawer</source>
        <translation>Åpne skuff</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="157" />
        <source>Void sale</source>
        <translation>Annuller salg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="158" />
        <source>Devices</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="159" />
        <source>Log out</source>
        <translation>Logg ut</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="160" />
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="170" />
        <source>Pay</source>
        <translation>Betal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="204" />
        <source>VAT {0} %: {1}</source>
        <translation>MVA {0} %: {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="210" />
        <source>1 item</source>
        <translation>1 vare</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="211" />
        <source>{0} items</source>
        <translation>{0} varer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="294" />
        <source>{0}: EXPIRED (best before date passed) – check the item.</source>
        <translation>{0}: UTLØPT (datoen er passert) – sjekk varen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="415" />
        <source>Sale {0} saved.</source>
        <translation>Salg {0} er lagret.</translation>
    </message>
</context>
<context>
    <name>SeriesReceiptDialog</name>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="45" />
        <source>Provisional or delivery receipt</source>
        <translation>Foreløpig kvittering eller utleveringskvittering</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="50" />
        <source>A receipt of this cart ({0}) that is not a receipt for the purchase:</source>
        <translation>En kvittering for denne handlekurven ({0}) som ikke er kvittering for kjøpet:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="56" />
        <source>Provisional receipt</source>
        <translation>Foreløpig kvittering</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="57" />
        <source>A bill for a sale not paid yet; the sale stays open.</source>
        <translation>En regning for et salg som ikke er betalt ennå; salget står åpent.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="58" />
        <source>Delivery receipt</source>
        <translation>Utleveringskvittering</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="59" />
        <source>Goods handed over before they are paid for.</source>
        <translation>Varer som utleveres før de er betalt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="74" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>SeriesReceipts</name>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="95" />
        <source>Bill /
delivery</source>
        <translation>Regning /
utlevering</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="111" />
        <source>This sale is paid: its receipt is the sales receipt (F11 for a copy).</source>
        <translation>Salget er betalt: kvitteringen er salgskvitteringen (F11 for kopi).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="117" />
        <source>The cart is empty: there is nothing to put on the receipt.</source>
        <translation>Handlekurven er tom: det er ingenting å skrive på kvitteringen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="129" />
        <source>Provisional receipt {0} sent to the printer.</source>
        <translation>Foreløpig kvittering {0} er sendt til skriveren.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="132" />
        <source>Delivery receipt {0} sent to the printer.</source>
        <translation>Utleveringskvittering {0} er sendt til skriveren.</translation>
    </message>
</context>
<context>
    <name>ShiftViews</name>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="44" />
        <source>A shift is already open here.</source>
        <translation>Et skift er allerede åpent her.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="45" />
        <source>This shift is already closed.</source>
        <translation>Dette skiftet er allerede avsluttet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="46" />
        <source>No open shift: open one first.</source>
        <translation>Ikke noe åpent skift: åpne et først.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="47" />
        <source>A supervisor must approve this.</source>
        <translation>En skiftleder må godkjenne dette.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="48" />
        <source>A count cannot be negative: {0}</source>
        <translation>Et antall kan ikke være negativt: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="49" />
        <source>That many pieces cannot be right: {0}</source>
        <translation>Så mange stykker kan ikke stemme: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="50" />
        <source>Not a whole number: {0}</source>
        <translation>Ikke et helt tall: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="51" />
        <source>Unknown coin or note: {0}</source>
        <translation>Ukjent mynt eller seddel: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="52" />
        <source>An amount cannot be negative.</source>
        <translation>Et beløp kan ikke være negativt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="53" />
        <source>Enter an amount above zero.</source>
        <translation>Skriv et beløp over null.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="54" />
        <source>That amount cannot be right: {0}</source>
        <translation>Det beløpet kan ikke stemme: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="55" />
        <source>Give a reason.</source>
        <translation>Oppgi en årsak.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="67" />
        <source>Refused: {0}</source>
        <translation>Avvist: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="163" />
        <source>Counted: {0}</source>
        <translation>Talt: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="470" />
        <source>Cash</source>
        <translation>Kontant</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="471" />
        <source>Card</source>
        <translation>Kort</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="472" />
        <source>Gift card</source>
        <translation>Gavekort</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="473" />
        <source>Loyalty points</source>
        <translation>Bonuspoeng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="474" />
        <source>Store credit</source>
        <translation>Tilgodelapp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="475" />
        <source>Web payment</source>
        <translation>Nettbetaling</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="488" />
        <source>No open shift: open one with F1 (Shift and reports) before selling.</source>
        <translation>Ikke noe åpent skift: åpne et med F1 (Skift og rapporter) før du selger.</translation>
    </message>
</context>
<context>
    <name>SignUpDialog</name>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="44" />
        <source>New member</source>
        <translation>Nytt medlem</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="47" />
        <source>New loyalty member: a name, and a phone number or an e-mail</source>
        <translation>Nytt kundeklubbmedlem: et navn, og et telefonnummer eller en e-postadresse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="55" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="55" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="55" />
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="56" />
        <source>Loyalty card (scan)</source>
        <translation>Kundekort (skann)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="75" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="76" />
        <source>Sign up</source>
        <translation>Meld inn</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="100" />
        <source>Signing up {0}…</source>
        <translation>Melder inn {0} …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="119" />
        <source>Welcome, {0}: a member now, and attached.</source>
        <translation>Velkommen, {0}: medlem nå, og lagt til salget.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="120" />
        <source>{0} is a member already: attached.</source>
        <translation>{0} er medlem fra før: lagt til salget.</translation>
    </message>
</context>
<context>
    <name>StockBadge</name>
    <message>
        <location filename="../../pos/ui/stock_badge.py" line="73" />
        <source>Stock: not known yet</source>
        <translation>Lager: ikke kjent ennå</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_badge.py" line="79" />
        <source>In stock: {0}</source>
        <translation>På lager: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_badge.py" line="82" />
        <source>In stock: {0} (count needed)</source>
        <translation>På lager: {0} (må telles)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_badge.py" line="86" />
        <source>{0}: hub {1}, sold here and not yet confirmed {2}</source>
        <translation>{0}: hub {1}, solgt her og ikke bekreftet ennå {2}</translation>
    </message>
</context>
<context>
    <name>StockEverywhere</name>
    <message>
        <location filename="../../pos/ui/anywhere_keys.py" line="33" />
        <source>Scan the item first, then Ctrl+E.</source>
        <translation>Skann varen først, så Ctrl+E.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="44" />
        <source>The hub does not answer. ({0})</source>
        <translation>Huben svarer ikke. ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="45" />
        <source>Fill in the customer's {0}.</source>
        <translation>Fyll inn kundens {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="46" />
        <source>The web shop did not take the order: {0}</source>
        <translation>Nettbutikken tok ikke imot ordren: {0}</translation>
    </message>
</context>
<context>
    <name>StockEverywhereView</name>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="57" />
        <source>Stock everywhere</source>
        <translation>Lager overalt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="64" />
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="64" />
        <source>In stock</source>
        <translation>På lager</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="65" />
        <source>Reserved (web)</source>
        <translation>Reservert (nett)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="65" />
        <source>Available</source>
        <translation>Tilgjengelig</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="79" />
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="79" />
        <source>Last name</source>
        <translation>Etternavn</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="80" />
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="80" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="81" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="82" />
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="82" />
        <source>City</source>
        <translation>Poststed</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="103" />
        <source>Quantity</source>
        <translation>Antall</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="104" />
        <source>Order for home delivery</source>
        <translation>Bestill hjemlevering</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="111" />
        <source>Not here? Order it for the customer's home</source>
        <translation>Ikke her? Bestill den hjem til kunden</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="131" />
        <source>Refresh</source>
        <translation>Oppdater</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="132" />
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="140" />
        <source>Asking every store and the web shop…</source>
        <translation>Spør alle butikker og nettbutikken …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="153" />
        <source>Something went wrong: {0}</source>
        <translation>Noe gikk galt: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="159" />
        <source> (this store)</source>
        <translation> (denne butikken)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="163" />
        <location filename="../../pos/ui/stock_everywhere.py" line="177" />
        <source>Web shop: {0}</source>
        <translation>Nettbutikk: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="188" />
        <source>Placing the order with the web shop…</source>
        <translation>Legger inn ordren i nettbutikken …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="195" />
        <source>Web order #{0} placed: the customer gets it at home.</source>
        <translation>Nettordre #{0} lagt inn: kunden får den hjem.</translation>
    </message>
</context>
<context>
    <name>TillStatusBar</name>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="45" />
        <source>TRAINING MODE</source>
        <translation>TRENINGSMODUS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="72" />
        <source>Printer: paper low</source>
        <translation>Skriver: lite papir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="74" />
        <source>{0} waiting (F11)</source>
        <translation>{0} venter (F11)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="81" />
        <source>Drawer left open!</source>
        <translation>Skuffen står åpen!</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="85" />
        <source>Drawer open</source>
        <translation>Skuffen er åpen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="92" />
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="92" />
        <source>Scale</source>
        <translation>Vekt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="93" />
        <source>Display</source>
        <translation>Kundeskjerm</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="103" />
        <source>cashier</source>
        <translation>kasserer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="103" />
        <source>supervisor</source>
        <translation>skiftleder</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="104" />
        <source>manager</source>
        <translation>butikksjef</translation>
    </message>
</context>
<context>
    <name>WebReturnView</name>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="47" />
        <source>No web order {0} on the hub.</source>
        <translation>Ingen nettordre {0} på huben.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="48" />
        <source>The hub does not answer: the order cannot be checked now. ({0})</source>
        <translation>Huben svarer ikke: ordren kan ikke sjekkes nå. ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="50" />
        <source>Refused: {0}</source>
        <translation>Avvist: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="51" />
        <source>{0} is not in this till's catalog yet.</source>
        <translation>{0} finnes ikke i kassens vareregister ennå.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="61" />
        <location filename="../../pos/ui/web_return_view.py" line="245" />
        <source>Return of a web order</source>
        <translation>Retur av nettordre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="73" />
        <source>Which web order? Type its number (from the order e-mail).</source>
        <translation>Hvilken nettordre? Skriv nummeret (fra ordre-e-posten).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="77" />
        <source>Order number, e.g. #1042</source>
        <translation>Ordrenummer, f.eks. #1042</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="84" />
        <source>Item</source>
        <translation>Vare</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="84" />
        <source>Bought</source>
        <translation>Kjøpt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="85" />
        <source>Returned</source>
        <translation>Returnert</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="86" />
        <source>Back now</source>
        <translation>Tilbake nå</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="86" />
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="106" />
        <source>To the web payment</source>
        <translation>Til nettbetalingen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="107" />
        <source>Store credit</source>
        <translation>Tilgodelapp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="119" />
        <source>All / none</source>
        <translation>Alle / ingen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="121" />
        <location filename="../../pos/ui/web_return_view.py" line="196" />
        <source>Quantity</source>
        <translation>Antall</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="122" />
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="123" />
        <source>Refund</source>
        <translation>Tilbakebetaling</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="150" />
        <source>Looking up web order {0}…</source>
        <translation>Slår opp nettordre {0} …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="164" />
        <source>Web order #{0} · {1} · {2}</source>
        <translation>Nettordre #{0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="167" />
        <source>Pick what comes back.</source>
        <translation>Velg hva som leveres tilbake.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="168" />
        <source>This order is already returned in full.</source>
        <translation>Denne ordren er allerede returnert i sin helhet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="175" />
        <source>Something went wrong: {0}</source>
        <translation>Noe gikk galt: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="196" />
        <source>How many come back?</source>
        <translation>Hvor mange leveres tilbake?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="235" />
        <source>Back to {0}: {1}</source>
        <translation>Tilbake til {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="246" />
        <source>A supervisor must approve this return.</source>
        <translation>En skiftleder må godkjenne denne returen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="270" />
        <source>Asking the hub to take the return…</source>
        <translation>Ber huben ta imot returen …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="284" />
        <source>Returned: receipt {0}. The web shop refunds the customer.</source>
        <translation>Returnert: kvittering {0}. Nettbutikken refunderer kunden.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="286" />
        <source>Returned: receipt {0}. Store credit printed.</source>
        <translation>Returnert: kvittering {0}. Tilgodelapp skrevet ut.</translation>
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
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
    <name>CardActions</name>
    <message>
        <location filename="../../pos/ui/card_actions.py" line="73" />
        <source>Card approved: {0}. Take the rest.</source>
        <translation>Kort godkänt: {0}. Ta betalt för resten.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_actions.py" line="92" />
        <source>A sale paid by card before the till stopped has been brought back.</source>
        <translation>Ett köp betalt med kort innan kassan stannade har hämtats tillbaka.</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="83" />
        <location filename="../../pos/ui/card_dialog.py" line="89" />
        <source>Card payment</source>
        <translation>Kortbetalning</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="94" />
        <source>Sending the amount to the terminal…</source>
        <translation>Skickar beloppet till terminalen …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="102" />
        <source>Cancel payment</source>
        <translation>Avbryt betalningen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="106" />
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="108" />
        <source>Yes, approved</source>
        <translation>Ja, godkänd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="111" />
        <source>No, not approved</source>
        <translation>Nej, inte godkänd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="113" />
        <source>Ask the terminal again</source>
        <translation>Fråga terminalen igen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="115" />
        <source>Decide later</source>
        <translation>Avgör senare</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="150" />
        <source>No answer from the terminal. Asking it what happened…</source>
        <translation>Inget svar från terminalen. Frågar vad som hände …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="151" />
        <source>Do not charge the card again.</source>
        <translation>Debitera inte kortet igen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="158" />
        <source>Card payment failed: {0}</source>
        <translation>Kortbetalningen misslyckades: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="201" />
        <source>Cancelling at the terminal…</source>
        <translation>Avbryter i terminalen …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="205" />
        <source>Asking the terminal again…</source>
        <translation>Frågar terminalen igen …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="212" />
        <source>The terminal shows the payment of {0} as APPROVED.</source>
        <translation>Terminalen visar betalningen på {0} som GODKÄND.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="214" />
        <source>The terminal shows the payment of {0} as NOT approved.</source>
        <translation>Terminalen visar betalningen på {0} som INTE godkänd.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="215" />
        <source>Supervisor</source>
        <translation>Arbetsledare</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_dialog.py" line="216" />
        <source>Confirm with your PIN.</source>
        <translation>Bekräfta med din PIN-kod.</translation>
    </message>
</context>
<context>
    <name>CardEndOfDay</name>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="108" />
        <source>Manager</source>
        <translation>Butikschef</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="109" />
        <source>Close the card terminal's batch and compare its totals: a manager approves.</source>
        <translation>Gör dagsavslut i kortterminalen och jämför summorna: butikschefen godkänner.</translation>
    </message>
</context>
<context>
    <name>CardReversal</name>
    <message>
        <location filename="../../pos/ui/card_reversal.py" line="32" />
        <source>A manager approves.</source>
        <translation>Butikschefen godkänner.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_reversal.py" line="33" />
        <source>Manager</source>
        <translation>Butikschef</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_reversal.py" line="55" />
        <source>Reverse the last card payment: {0} {1}?</source>
        <translation>Återför senaste kortbetalningen: {0} {1}?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_reversal.py" line="68" />
        <location filename="../../pos/ui/card_reversal.py" line="69" />
        <source>Reverse card payment</source>
        <translation>Återför kortbetalning</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_reversal.py" line="73" />
        <source>The card payment of {0} was reversed.</source>
        <translation>Kortbetalningen på {0} har återförts.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_reversal.py" line="77" />
        <source>Not reversed: {0}</source>
        <translation>Inte återförd: {0}</translation>
    </message>
</context>
<context>
    <name>CardTexts</name>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="18" />
        <source>Customer: insert, tap or swipe the card</source>
        <translation>Kund: sätt in, blippa eller dra kortet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="19" />
        <source>Customer: enter the PIN on the terminal</source>
        <translation>Kund: slå PIN-koden på terminalen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="20" />
        <source>Waiting for the bank…</source>
        <translation>Väntar på banken …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="21" />
        <source>Customer: remove the card</source>
        <translation>Kund: ta ut kortet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="22" />
        <source>Please wait…</source>
        <translation>Vänta lite …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="23" />
        <source>Wrong PIN: the customer tries again</source>
        <translation>Fel PIN-kod: kunden försöker igen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="24" />
        <source>Customer: choose the card application</source>
        <translation>Kund: välj kortapplikation</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="26" />
        <source>Card not accepted. Customer: remove the card</source>
        <translation>Kortet godkänns inte. Kund: ta ut kortet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="28" />
        <source>Customer: look at the terminal and remove the card</source>
        <translation>Kund: titta på terminalen och ta ut kortet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="34" />
        <source>The bank declined the card.</source>
        <translation>Banken nekade kortet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="35" />
        <source>Not enough money on the card.</source>
        <translation>Otillräckligt saldo på kortet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="36" />
        <source>Wrong PIN.</source>
        <translation>Fel PIN-kod.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="37" />
        <source>Too many wrong PINs: the card is locked.</source>
        <translation>För många fel PIN-koder: kortet är spärrat.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="38" />
        <location filename="../../pos/ui/card_texts.py" line="39" />
        <source>The card has expired.</source>
        <translation>Kortet har gått ut.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="40" />
        <source>The card could not be read.</source>
        <translation>Kortet kunde inte läsas.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="41" />
        <source>The card is blocked.</source>
        <translation>Kortet är spärrat.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="64" />
        <source>Approved</source>
        <translation>Godkänd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="68" />
        <source>Declined</source>
        <translation>Nekad</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="68" />
        <source>Nothing was charged. Ask for another card or another way to pay.</source>
        <translation>Inget debiterades. Be om ett annat kort eller ett annat betalsätt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="71" />
        <source>Cancelled</source>
        <translation>Avbruten</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="71" />
        <source>The payment was cancelled. Nothing was charged.</source>
        <translation>Betalningen avbröts. Inget debiterades.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="74" />
        <source>Not charged</source>
        <translation>Inte debiterad</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="74" />
        <source>The terminal did not take the payment. Nothing was charged: you may try again.</source>
        <translation>Terminalen tog inte emot betalningen. Inget debiterades: du kan försöka igen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="77" />
        <source>Was the payment approved?</source>
        <translation>Godkändes betalningen?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="77" />
        <source>The terminal's answer was lost. Do NOT charge the card again.
1. Look at the terminal's screen, or at the card receipt the terminal printed.
2. Did it say APPROVED for this amount?
3. A supervisor confirms your answer with their PIN.</source>
        <translation>Terminalens svar försvann. Debitera INTE kortet igen.
1. Titta på terminalens skärm, eller på kortkvittot som terminalen skrev ut.
2. Stod det GODKÄND för det här beloppet?
3. En arbetsledare bekräftar ditt svar med sin PIN-kod.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="87" />
        <source>An earlier card payment's outcome is not known yet: settle it first.</source>
        <translation>Utfallet av en tidigare kortbetalning är inte känt än: reda ut den först.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="89" />
        <source>The terminal is busy with another payment.</source>
        <translation>Terminalen är upptagen med en annan betalning.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="90" />
        <source>The card amount must be more than zero and at most the amount due.</source>
        <translation>Kortbeloppet måste vara över noll och högst det som ska betalas.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="92" />
        <source>No card terminal is configured.</source>
        <translation>Ingen kortterminal är inställd.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="93" />
        <source>Finish or park the current sale first.</source>
        <translation>Avsluta eller parkera köpet först.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="95" />
        <source>There is no approved card payment to reverse.</source>
        <translation>Det finns ingen godkänd kortbetalning att återföra.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="97" />
        <source>That card payment has already been reversed.</source>
        <translation>Den kortbetalningen är redan återförd.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_texts.py" line="100" />
        <source>Card payment refused.</source>
        <translation>Kortbetalning nekad.</translation>
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
    <name>CashMovementDialog</name>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="235" />
        <source>Cash drop to the safe</source>
        <translation>Insättning i kassaskåpet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="236" />
        <source>Pay-in</source>
        <translation>Inbetalning</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="237" />
        <location filename="../../pos/ui/shift_views.py" line="277" />
        <source>Pay-out</source>
        <translation>Utbetalning</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="247" />
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="249" />
        <source>Reason (required)</source>
        <translation>Orsak (obligatorisk)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="259" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="260" />
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="278" />
        <source>A supervisor must approve a pay-out.</source>
        <translation>En arbetsledare måste godkänna en utbetalning.</translation>
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
        <translation>Stäng skift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="317" />
        <source>Count the drawer (blind count): cash by coin and note</source>
        <translation>Räkna kassalådan (blindräkning): kontanter per mynt och sedel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="320" />
        <source>The expected amount is shown only after the count is done.</source>
        <translation>Förväntat belopp visas först när räkningen är klar.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="331" />
        <source>{0}, total of the slips:</source>
        <translation>{0}, summa av kvittona:</translation>
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
        <translation>Räkning klar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="375" />
        <source>Expected and counted</source>
        <translation>Förväntat och räknat</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="381" />
        <source>Tender</source>
        <translation>Betalmedel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="381" />
        <source>Expected</source>
        <translation>Förväntat</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="381" />
        <source>Counted</source>
        <translation>Räknat</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="381" />
        <source>Variance</source>
        <translation>Differens</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="401" />
        <source>Approve and close</source>
        <translation>Godkänn och stäng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="411" />
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="434" />
        <source>The variance is more than {0}: write what happened, then a supervisor approves.</source>
        <translation>Differensen är mer än {0}: skriv vad som hände, sedan godkänner en arbetsledare.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="437" />
        <source>Reason for the variance (required)</source>
        <translation>Orsak till differensen (obligatorisk)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="439" />
        <source>Within {0}. A supervisor approves the close.</source>
        <translation>Inom {0}. En arbetsledare godkänner stängningen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="442" />
        <source>Note (optional)</source>
        <translation>Anteckning (valfri)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="457" />
        <source>A supervisor approves the shift's close.</source>
        <translation>En arbetsledare godkänner stängningen av skiftet.</translation>
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
    <name>CustomerCard</name>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="53" />
        <source>Customer card</source>
        <translation>Kundkort</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="83" />
        <source>Wish list (web shop)</source>
        <translation>Önskelista (webbutik)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="84" />
        <source>Open web orders</source>
        <translation>Öppna webbordrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="85" />
        <source>Recent purchases, all channels</source>
        <translation>Senaste köp, alla kanaler</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="100" />
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="101" />
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="116" />
        <source>Asking the hub…</source>
        <translation>Frågar hubben …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="117" />
        <source>Hub offline: the wish list, web orders and purchases cannot be shown now. The sale goes on; points are counted when the hub is back.</source>
        <translation>Hubben är frånkopplad: önskelista, webbordrar och köp kan inte visas nu. Försäljningen fortsätter; poängen räknas när hubben är tillbaka.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="128" />
        <source>{0} · {1} points</source>
        <translation>{0} · {1} poäng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="130" />
        <source>Tier: {0}</source>
        <translation>Nivå: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="137" />
        <source>No wish list on the web shop.</source>
        <translation>Ingen önskelista i webbutiken.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="138" />
        <source>No web shop account linked.</source>
        <translation>Inget webbutikskonto kopplat.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="142" />
        <source>Green: in stock in this store. Touch, or press its number, to add it.</source>
        <translation>Grön: i lager i den här butiken. Tryck på varan, eller siffran, för att lägga till den.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="144" />
        <source>{0} more on the web.</source>
        <translation>{0} till på webben.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="148" />
        <source>No open web orders.</source>
        <translation>Inga öppna webbordrar.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="150" />
        <source>Web shop</source>
        <translation>Webbutik</translation>
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
        <translation>Inga köp ännu.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="159" />
        <source>being prepared</source>
        <translation>behandlas</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="160" />
        <source>ready for pickup / packed</source>
        <translation>redo att hämtas / packad</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="161" />
        <source>partly packed</source>
        <translation>delvis packad</translation>
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
säljs inte längre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="179" />
        <source>{0} in stock here</source>
        <translation>{0} i lager här</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="181" />
        <source>no longer sold</source>
        <translation>säljs inte längre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_card.py" line="183" />
        <source>not in stock here</source>
        <translation>inte i lager här</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="35" />
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="39" />
        <source>Scan the loyalty card, or type a phone number, an e-mail address or a name</source>
        <translation>Skanna kundkortet, eller skriv telefonnummer, e-postadress eller namn</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="53" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="54" />
        <source>No customer</source>
        <translation>Ingen kund</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="55" />
        <source>New member</source>
        <translation>Ny medlem</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="56" />
        <source>Attach</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="69" />
        <source>Searching…</source>
        <translation>Söker …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="74" />
        <source>Something went wrong: {0}</source>
        <translation>Något gick fel: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="80" />
        <source>{0} · {1} · {2} points</source>
        <translation>{0} · {1} · {2} poäng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="88" />
        <source>Hub offline: showing customers known to this till; balances may be old.</source>
        <translation>Hubben är frånkopplad: visar kunder som kassan känner till; saldon kan vara inaktuella.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_search.py" line="90" />
        <source>No customer found.</source>
        <translation>Ingen kund hittades.</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="41" />
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="43" />
        <source>Pay with points</source>
        <translation>Betala med poäng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="46" />
        <source>Customer card</source>
        <translation>Kundkort</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="84" />
        <source>No customer · scan a loyalty card or press Ctrl+K</source>
        <translation>Ingen kund · skanna ett kundkort eller tryck Ctrl+K</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="95" />
        <source>★ {0} · {1} points</source>
        <translation>★ {0} · {1} poäng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="99" />
        <source>({0} not yet confirmed)</source>
        <translation>({0} inte bekräftade än)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="102" />
        <source>{0} used on this sale</source>
        <translation>{0} använda på det här köpet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="105" />
        <source>earns {0} on this sale</source>
        <translation>får {0} för det här köpet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="107" />
        <source>earned {0} on this sale</source>
        <translation>fick {0} för det här köpet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="139" />
        <source>hub offline: no customer card now, the sale goes on</source>
        <translation>hubben är frånkopplad: kundkortet kan inte visas nu, försäljningen fortsätter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="142" />
        <source>{0} open web orders</source>
        <translation>{0} öppna webbordrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="145" />
        <source>wish list {0} ({1} in stock here)</source>
        <translation>önskelista {0} ({1} i lager här)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="186" />
        <source>{0} cannot be sold here: not in this till's catalog.</source>
        <translation>{0} kan inte säljas här: finns inte i kassans varuregister.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="200" />
        <source>Customer {0} attached.</source>
        <translation>Kund {0} har lagts till.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_panel.py" line="218" />
        <source>{0} points taken as payment.</source>
        <translation>{0} poäng använda som betalning.</translation>
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
        <translation>Adress</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="49" />
        <source>State</source>
        <translation>Tillstånd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="57" />
        <source>Last scan: none yet</source>
        <translation>Senaste skanning: ingen ännu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="58" />
        <source>Weight: not read</source>
        <translation>Vikt: inte läst</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="61" />
        <source>Test print</source>
        <translation>Testutskrift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="61" />
        <source>Read scale</source>
        <translation>Läs våg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="62" />
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="64" />
        <source>Open drawer</source>
        <translation>Öppna lådan</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="66" />
        <source>Card end of day</source>
        <translation>Kort: dagsavslut</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="67" />
        <source>Reverse last card payment</source>
        <translation>Återför senaste kortbetalningen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="90" />
        <source>paper low</source>
        <translation>lite papper</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="91" />
        <source>Receipt printer</source>
        <translation>Kvittoskrivare</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="94" />
        <source>Cash drawer</source>
        <translation>Kassalåda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="95" />
        <source>open</source>
        <translation>öppen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="95" />
        <source>closed</source>
        <translation>stängd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="98" />
        <source>Card terminal</source>
        <translation>Kortterminal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="99" />
        <source>payment outcome unknown</source>
        <translation>okänt betalningsutfall</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="100" />
        <source>configured</source>
        <translation>inställd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="101" />
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="101" />
        <source>Scale</source>
        <translation>Våg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="102" />
        <source>Customer display</source>
        <translation>Kunddisplay</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="110" />
        <source>built in</source>
        <translation>inbyggd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="130" />
        <source>Last scan: {0}{1}</source>
        <translation>Senaste skanning: {0}{1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="134" />
        <source>No scale configured</source>
        <translation>Ingen våg inställd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="136" />
        <source>Weighing…</source>
        <translation>Väger…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="143" />
        <source>Scale: {0}</source>
        <translation>Våg: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="146" />
        <source>The scale did not answer</source>
        <translation>Vågen svarade inte</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="148" />
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="148" />
        <source>in motion</source>
        <translation>i rörelse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="149" />
        <source>zero</source>
        <translation>noll</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="150" />
        <source>over capacity</source>
        <translation>över kapacitet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="151" />
        <source>under zero</source>
        <translation>under noll</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_view.py" line="152" />
        <source>Weight: {0} ({1})</source>
        <translation>Vikt: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>EndOfDayDialog</name>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="220" />
        <source>End of day</source>
        <translation>Dagsavslut</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="224" />
        <source>End of day {0}</source>
        <translation>Dagsavslut {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="245" />
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="246" />
        <source>Flag open shifts and go on</source>
        <translation>Markera öppna skift och fortsätt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="249" />
        <source>Run</source>
        <translation>Kör</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="253" />
        <source>Every shift closed</source>
        <translation>Alla skift stängda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="254" />
        <source>Card terminal end of day, reconciled</source>
        <translation>Dagsavslut i kortterminalen, avstämt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="255" />
        <source>Z report stored and printed</source>
        <translation>Z-rapport sparad och utskriven</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="256" />
        <source>SAF-T file for the day</source>
        <translation>SAF-T-fil för dagen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="257" />
        <source>Day summary to the hub</source>
        <translation>Dagssammanfattning till hubben</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="260" />
        <source>done</source>
        <translation>klart</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="260" />
        <source>skipped</source>
        <translation>överhoppat</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="261" />
        <source>flagged</source>
        <translation>markerat</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="261" />
        <source>waiting</source>
        <translation>väntar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="262" />
        <source>failed</source>
        <translation>misslyckades</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="262" />
        <source>to do</source>
        <translation>återstår</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="272" />
        <source>The end of day for today is done; it does not run twice.</source>
        <translation>Dagens dagsavslut är gjort; det körs inte två gånger.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="274" />
        <source>Only a manager runs the end of day.</source>
        <translation>Bara butikschefen kör dagsavslutet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="276" />
        <source>Today's Z report has already been run; a second is refused.</source>
        <translation>Dagens Z-rapport är redan körd; en till nekas.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="300" />
        <source>Flag and go on</source>
        <translation>Markera och fortsätt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="324" />
        <source>Open shifts: {0}</source>
        <translation>Öppna skift: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="326" />
        <source>No card terminal configured</source>
        <translation>Ingen kortterminal inställd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="330" />
        <source>Z report no. {0}</source>
        <translation>Z-rapport nr {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="332" />
        <source>Written to {0}</source>
        <translation>Skriven till {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="334" />
        <source>SAF-T export not available on this till yet</source>
        <translation>SAF-T-export finns inte i den här kassan ännu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="336" />
        <source>No hub configured</source>
        <translation>Ingen hubb inställd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="343" />
        <source>Terminal: {0}</source>
        <translation>Terminal: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="346" />
        <source>Terminal {0} · Kassa {1} · difference {2}</source>
        <translation>Terminal {0} · Kassa {1} · differens {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="353" />
        <source>unresolved, terminal receipts: {0}</source>
        <translation>oklart, terminalkvitton: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="365" />
        <source>End of day done. The Z report is printed.</source>
        <translation>Dagsavslutet är klart. Z-rapporten är utskriven.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="372" />
        <source>Shifts are still open: close them, or flag them and go on.</source>
        <translation>Det finns fortfarande öppna skift: stäng dem, eller markera dem och fortsätt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="374" />
        <source>The card terminal did not answer: try again, or flag it and go on.</source>
        <translation>Kortterminalen svarade inte: försök igen, eller markera det och fortsätt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="376" />
        <source>A step did not finish; fix it and run again.</source>
        <translation>Ett steg blev inte klart; åtgärda och kör igen.</translation>
    </message>
</context>
<context>
    <name>FiscalBlock</name>
    <message>
        <location filename="../../pos/ui/fiscal_block.py" line="12" />
        <source>This till cannot sell: receipts must be signed and the signing key is not usable.
Nothing has been sold or changed. Ask IT to fix the [fiscal] settings:

{0}</source>
        <translation>Den här kassan kan inte sälja: kvitton måste signeras och signeringsnyckeln går inte att använda.
Inget har sålts eller ändrats. Be IT rätta inställningarna under [fiscal]:

{0}</translation>
    </message>
</context>
<context>
    <name>HubStatus</name>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="17" />
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="20" />
        <source>just now</source>
        <translation>nyss</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="22" />
        <source>{0} s ago</source>
        <translation>för {0} s sedan</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="24" />
        <source>{0} min ago</source>
        <translation>för {0} min sedan</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="26" />
        <source>{0} h ago</source>
        <translation>för {0} tim sedan</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="27" />
        <source>{0} d ago</source>
        <translation>för {0} d sedan</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="32" />
        <source>Hub: not enrolled (kassa enrol)</source>
        <translation>Hubb: inte registrerad (kassa enrol)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="34" />
        <source>Hub: credential missing</source>
        <translation>Hubb: nyckel saknas</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="36" />
        <source>Hub: credential refused</source>
        <translation>Hubb: nyckel nekad</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="38" />
        <source>Hub: stopped, numbers clash</source>
        <translation>Hubb: stoppad, nummerkonflikt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="40" />
        <source>Hub: stopped, batch refused</source>
        <translation>Hubb: stoppad, sändning nekad</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="42" />
        <source>Hub: stopped by an error</source>
        <translation>Hubb: stoppad av ett fel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="50" />
        <source>{0} queued</source>
        <translation>{0} i kö</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="52" />
        <source>Hub: not set up</source>
        <translation>Hubb: inte inställd</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="55" />
        <source>Sales are kept on this till. Call support.</source>
        <translation>Köpen sparas i den här kassan. Ring support.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="59" />
        <source>Hub: online · in sync</source>
        <translation>Hubb: ansluten · synkroniserad</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="60" />
        <source>last sync {0}</source>
        <translation>senast synkroniserad {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="62" />
        <source>Hub: online</source>
        <translation>Hubb: ansluten</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hub_status.py" line="63" />
        <source>Hub: offline</source>
        <translation>Hubb: frånkopplad</translation>
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
        <translation>En arbetsledare måste godkänna att lådan öppnas utan köp.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/line_actions.py" line="254" />
        <source>Drawer opened (no sale), journaled.</source>
        <translation>Lådan är öppnad (utan köp) och loggförd.</translation>
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
        <location filename="../../pos/ui/main_window.py" line="98" />
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
    <name>ManagerView</name>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="54" />
        <source>Shift, cash and reports</source>
        <translation>Skift, kontanter och rapporter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="66" />
        <source>Open shift</source>
        <translation>Öppna skift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="67" />
        <source>Close shift</source>
        <translation>Stäng skift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="68" />
        <source>Cash drop</source>
        <translation>Till kassaskåp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="69" />
        <source>Pay-in</source>
        <translation>Inbetalning</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="70" />
        <source>Pay-out</source>
        <translation>Utbetalning</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="71" />
        <location filename="../../pos/ui/manager_view.py" line="160" />
        <source>Open drawer</source>
        <translation>Öppna lådan</translation>
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
        <translation>Dagsavslut</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="76" />
        <source>Back to sale</source>
        <translation>Tillbaka till köpet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="110" />
        <source>No open shift for {0}.</source>
        <translation>Inget öppet skift för {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="112" />
        <source>Shift {0} open since {1}, float {2}.</source>
        <translation>Skift {0} öppet sedan {1}, växelkassa {2}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="118" />
        <source>Open shifts on this register: {0}.</source>
        <translation>Öppna skift i den här kassan: {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="125" />
        <source>Shift opened.</source>
        <translation>Skiftet är öppnat.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="135" />
        <source>Which shift?</source>
        <translation>Vilket skift?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="148" />
        <source>Shift {0} closed.</source>
        <translation>Skift {0} är stängt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="154" />
        <source>Saved and journaled.</source>
        <translation>Sparat och loggat.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="161" />
        <source>A supervisor must approve opening the drawer without a sale.</source>
        <translation>En arbetsledare måste godkänna att lådan öppnas utan köp.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="168" />
        <source>Drawer opened (no sale), journaled.</source>
        <translation>Lådan är öppnad (utan köp) och loggförd.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="176" />
        <source>Z report no. {0}, as stored and printed.</source>
        <translation>Z-rapport nr {0}, som den sparades och skrevs ut.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="181" />
        <source>X report: nothing was reset.</source>
        <translation>X-rapport: inget har nollställts.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="188" />
        <source>Sent to the receipt printer.</source>
        <translation>Skickad till kvittoskrivaren.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="193" />
        <source>No Z report yet.</source>
        <translation>Ingen Z-rapport ännu.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_view.py" line="196" />
        <source>Z {0} · {1} · {2} receipts</source>
        <translation>Z {0} · {1} · {2} kvitton</translation>
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
        <source>{0} is a receipt: finish or park this sale, then scan it for a return.</source>
        <translation>{0} är ett kvitto: slutför eller parkera köpet och skanna det sedan för retur.</translation>
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
        <source>This sale already has its copy receipt: only one copy is allowed.</source>
        <translation>Det här köpet har redan fått en kvittokopia: bara en kopia är tillåten.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="28" />
        <source>That quantity is not possible here: {0}</source>
        <translation>Det antalet är inte möjligt här: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="29" />
        <source>That price is not possible here: {0}</source>
        <translation>Det priset är inte möjligt här: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="30" />
        <source>Give a reason.</source>
        <translation>Ange en orsak.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="31" />
        <source>Not an amount: {0}</source>
        <translation>Inte ett belopp: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="32" />
        <source>Payment refused: {0}</source>
        <translation>Betalning nekad: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="33" />
        <source>A supervisor must do that.</source>
        <translation>Det måste en arbetsledare göra.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="34" />
        <source>Select a line first.</source>
        <translation>Välj en rad först.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="35" />
        <source>Too many wrong PINs: wait five minutes or ask a manager.</source>
        <translation>För många fel PIN: vänta fem minuter eller fråga butikschefen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="38" />
        <source>That sale is finished: start the next one.</source>
        <translation>Det köpet är klart: börja nästa.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="41" />
        <source>Points need the hub, which cannot be reached now: take another payment.</source>
        <translation>Poäng kräver kontakt med hubben, och den går inte att nå nu: ta ett annat betalsätt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="44" />
        <source>The customer has no points to use.</source>
        <translation>Kunden har inga poäng att använda.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="45" />
        <source>Attach the customer first (Ctrl+K).</source>
        <translation>Lägg till kunden först (Ctrl+K).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="46" />
        <source>A new member needs a name and a phone number or an e-mail address.</source>
        <translation>En ny medlem behöver namn och telefonnummer eller e-postadress.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="49" />
        <source>Signing up needs the hub, which cannot be reached now: try again later.</source>
        <translation>Registrering kräver hubben, som inte svarar nu: försök igen senare.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="52" />
        <source>Sign-up refused: {0}</source>
        <translation>Registrering nekad: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="54" />
        <source>Refused: {0}</source>
        <translation>Nekad: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="60" />
        <source>Printer ready</source>
        <translation>Skrivare redo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="61" />
        <source>Printer: out of paper</source>
        <translation>Skrivare: slut på papper</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="62" />
        <source>Printer: cover open</source>
        <translation>Skrivare: luckan är öppen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="63" />
        <source>Printer: offline</source>
        <translation>Skrivare: frånkopplad</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="64" />
        <source>Printer: error</source>
        <translation>Skrivare: fel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="65" />
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
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="196" />
        <location filename="../../pos/ui/shift_views.py" line="213" />
        <source>Open shift</source>
        <translation>Öppna skift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="200" />
        <source>Open a shift for {0}: count the float in the drawer</source>
        <translation>Öppna skift för {0}: räkna växelkassan i lådan</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="212" />
        <source>Not now</source>
        <translation>Inte nu</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="35" />
        <location filename="../../pos/ui/payment_panel.py" line="85" />
        <source>To pay</source>
        <translation>Att betala</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="47" />
        <source>Cash received (Enter = exact)</source>
        <translation>Mottaget kontant (Enter = jämnt)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="52" />
        <source>Exact</source>
        <translation>Jämnt belopp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="57" />
        <source>Card</source>
        <translation>Kort</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="66" />
        <source>Back to sale</source>
        <translation>Tillbaka till köpet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="69" />
        <source>Next customer</source>
        <translation>Nästa kund</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="89" />
        <source>In cash: {0}</source>
        <translation>Kontant: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="91" />
        <source>Paid so far: {0}</source>
        <translation>Betalt hittills: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="103" />
        <source>Change</source>
        <translation>Växel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="106" />
        <source>Paid by card</source>
        <translation>Betalt med kort</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="109" />
        <source>Receipt {0} · paid {1}</source>
        <translation>Kvitto {0} · betalt {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_panel.py" line="132" />
        <location filename="../../pos/ui/payment_panel.py" line="147" />
        <source>Not an amount: {0}</source>
        <translation>Inte ett belopp: {0}</translation>
    </message>
</context>
<context>
    <name>PickupDesk</name>
    <message>
        <location filename="../../pos/ui/pickup_desk.py" line="87" />
        <source>Click &amp; collect: {0} waiting (F5)</source>
        <translation>Klicka och hämta: {0} väntar (F5)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_desk.py" line="90" />
        <source>{0} flagged</source>
        <translation>{0} flaggade</translation>
    </message>
</context>
<context>
    <name>PickupDialog</name>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="50" />
        <source>Click &amp; collect</source>
        <translation>Klicka och hämta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="72" />
        <source>Item</source>
        <translation>Vara</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="72" />
        <source>Ordered</source>
        <translation>Beställt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="73" />
        <source>Checked</source>
        <translation>Kontrollerat</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="87" />
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="88" />
        <source>All checked</source>
        <translation>Allt kontrollerat</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="90" />
        <source>Hand over</source>
        <translation>Lämna ut</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="93" />
        <location filename="../../pos/ui/pickup_view.py" line="170" />
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="118" />
        <source>Click &amp; collect: {0} waiting</source>
        <translation>Klicka och hämta: {0} väntar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="119" />
        <source>Scan or type the order number, then Enter</source>
        <translation>Skanna eller skriv ordernumret, sedan Enter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="122" />
        <source>{0}   {1}   {2} pcs</source>
        <translation>{0}   {1}   {2} st</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="137" />
        <source>Offline: the hub cannot be reached ({0}). The list may be out of date; a hand-over needs the hub.</source>
        <translation>Frånkopplad: hubben svarar inte ({0}). Listan kan vara inaktuell; en utlämning kräver hubben.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="140" />
        <source>No pickup orders waiting for this store.</source>
        <translation>Inga hämtordrar väntar i den här butiken.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="147" />
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="151" />
        <source>Order {0} · {1}</source>
        <translation>Order {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="152" />
        <source>Scan each item (or All checked, F3)</source>
        <translation>Skanna varje vara (eller Allt kontrollerat, F3)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="194" />
        <source>No open pickup order {0} for this store.</source>
        <translation>Ingen öppen hämtorder {0} i den här butiken.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="201" />
        <source>{0}: {1} of {2}</source>
        <translation>{0}: {1} av {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="203" />
        <source>{0}: all already checked</source>
        <translation>{0}: alla redan kontrollerade</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="205" />
        <source>{0} is not in this order</source>
        <translation>{0} finns inte i den här ordern</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="206" />
        <source>Unknown code {0}</source>
        <translation>Okänd kod {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="223" />
        <source>All items checked.</source>
        <translation>Alla varor är kontrollerade.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="235" />
        <source>Handing over {0}…</source>
        <translation>Lämnar ut {0} …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="239" />
        <source>Not handed over: the hub cannot be reached ({0}). Keep the goods and try again.</source>
        <translation>Inte utlämnad: hubben svarar inte ({0}). Behåll varorna och försök igen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="242" />
        <source>Not handed over: {0}</source>
        <translation>Inte utlämnad: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_view.py" line="246" />
        <source>Order {0} handed over to {1}.</source>
        <translation>Order {0} utlämnad till {1}.</translation>
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
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="32" />
        <source>Card terminal end of day</source>
        <translation>Kortterminal: dagsavslut</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="39" />
        <source>Closing the terminal's batch…</source>
        <translation>Gör dagsavslut i terminalen …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="45" />
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="70" />
        <source>End of day failed: {0}</source>
        <translation>Dagsavslutet misslyckades: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="77" />
        <source>The terminal's end of day failed: {0}</source>
        <translation>Terminalens dagsavslut misslyckades: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="81" />
        <source>Card totals match: {0}</source>
        <translation>Kortsummorna stämmer: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="85" />
        <source>Card totals do not match</source>
        <translation>Kortsummorna stämmer inte</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="87" />
        <source>Kassa: {0} (card payments: {1})</source>
        <translation>Kassa: {0} (kortbetalningar: {1})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="90" />
        <source>Terminal: {0}</source>
        <translation>Terminal: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="92" />
        <source>Difference: {0}</source>
        <translation>Differens: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/card_end_of_day.py" line="95" />
        <source>Unresolved card payment {0}: {1}, terminal receipt {2}</source>
        <translation>Oklar kortbetalning {0}: {1}, terminalkvitto {2}</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../../pos/ui/report_view.py" line="139" />
        <source>Sales by hour</source>
        <translation>Försäljning per timme</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="140" />
        <source>By tender</source>
        <translation>Per betalmedel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="141" />
        <source>By department</source>
        <translation>Per varugrupp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="162" />
        <source>Z report no. {0}</source>
        <translation>Z-rapport nr {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="162" />
        <source>X report</source>
        <translation>X-rapport</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="163" />
        <source>{0} · register {1} · {2} {3}</source>
        <translation>{0} · kassa {1} · {2} {3}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="166" />
        <source>Total sales</source>
        <translation>Total försäljning</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="167" />
        <source>Receipts</source>
        <translation>Kvitton</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="168" />
        <source>Transactions</source>
        <translation>Transaktioner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="174" />
        <source>  VAT {0} % (base {1})</source>
        <translation>  Moms {0} % (underlag {1})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="179" />
        <source>Opening float</source>
        <translation>Växelkassa</translation>
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
        <translation>Annullerade köp ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="186" />
        <source>Copy receipts ({0})</source>
        <translation>Kvittokopior ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="188" />
        <source>Drawer openings without sale</source>
        <translation>Lådöppningar utan köp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="189" />
        <source>Training receipts ({0}, not in totals)</source>
        <translation>Övningskvitton ({0}, ej i totaler)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="191" />
        <source>Cash drops ({0})</source>
        <translation>Till kassaskåp ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="192" />
        <source>Expected cash in drawers</source>
        <translation>Förväntat kontant i lådorna</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="193" />
        <source>Grand total sales</source>
        <translation>Grand total försäljning</translation>
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
        <translation>Skift som fortfarande är öppna</translation>
    </message>
    <message>
        <location filename="../../pos/ui/report_view.py" line="213" />
        <source>None</source>
        <translation>Inga</translation>
    </message>
</context>
<context>
    <name>ReturnTable</name>
    <message>
        <location filename="../../pos/ui/returns_table.py" line="25" />
        <source>Item</source>
        <translation>Vara</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_table.py" line="25" />
        <source>Sold</source>
        <translation>Sålt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_table.py" line="25" />
        <source>Returned before</source>
        <translation>Returnerat tidigare</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_table.py" line="25" />
        <source>Back now</source>
        <translation>Tillbaka nu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_table.py" line="26" />
        <source>Refund</source>
        <translation>Återbetalning</translation>
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
        <translation>Skanna kvittot eller skriv numret</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="61" />
        <source>Which sale? Scan the receipt's barcode.</source>
        <translation>Vilket köp? Skanna kvittots streckkod.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="81" />
        <source>The reason, in a few words</source>
        <translation>Orsaken, med några ord</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="95" />
        <location filename="../../pos/ui/returns_view.py" line="188" />
        <source>Today's sales</source>
        <translation>Dagens köp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="96" />
        <source>Without receipt</source>
        <translation>Utan kvitto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="97" />
        <source>Whole line / none</source>
        <translation>Hela raden / ingen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="99" />
        <location filename="../../pos/ui/returns_view.py" line="248" />
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="101" />
        <source>Refund to…</source>
        <translation>Återbetala till…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="102" />
        <location filename="../../pos/ui/returns_view.py" line="372" />
        <source>Void last sale</source>
        <translation>Makulera senaste köpet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="103" />
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="108" />
        <source>Refund</source>
        <translation>Återbetalning</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="121" />
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="174" />
        <source>Receipt {0} · {1} · {2}</source>
        <translation>Kvitto {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="177" />
        <source>Tap the lines that come back, or F5; F2 for part of a line.</source>
        <translation>Tryck på raderna som lämnas tillbaka, eller F5; F2 för en del av en rad.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="183" />
        <source>No. {0}   {1}   {2}</source>
        <translation>Nr {0}   {1}   {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="199" />
        <source>Scan the items that come back</source>
        <translation>Skanna varorna som lämnas tillbaka</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="202" />
        <source>Return without a receipt: scan the items. A supervisor approves; the refund is cash or store credit.</source>
        <translation>Retur utan kvitto: skanna varorna. En arbetsledare godkänner; pengarna betalas tillbaka kontant eller som tillgodokvitto.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="247" />
        <source>grams</source>
        <translation>gram</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="247" />
        <source>pieces</source>
        <translation>st</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="249" />
        <source>How many come back ({0})?</source>
        <translation>Hur många lämnas tillbaka ({0})?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="286" />
        <source>Cash</source>
        <translation>Kontant</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="287" />
        <source>Store credit</source>
        <translation>Tillgodokvitto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="289" />
        <source>As paid (card back to card, the rest in cash)</source>
        <translation>Som betalt (kort tillbaka till kort, resten kontant)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="291" />
        <source>Refund to</source>
        <translation>Återbetala till</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="325" />
        <source>Give back: {0}</source>
        <translation>Ge tillbaka: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="326" />
        <source>Items returned: {0}</source>
        <translation>Returnerade varor: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="328" />
        <source>cash rounding {0}</source>
        <translation>öresavrundning {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="352" />
        <source>A supervisor must approve a return of {0}.</source>
        <translation>En arbetsledare måste godkänna en retur på {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="353" />
        <source>A supervisor must approve a return of {0} without a receipt.</source>
        <translation>En arbetsledare måste godkänna en retur på {0} utan kvitto.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="365" />
        <source>Return {0} saved: give the customer {1}.</source>
        <translation>Retur {0} sparad: ge kunden {1}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="373" />
        <source>A supervisor must approve voiding the last sale.</source>
        <translation>En arbetsledare måste godkänna makulering av senaste köpet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_view.py" line="381" />
        <source>Sale voided as no. {0}: give the customer {1}.</source>
        <translation>Köpet makulerat som nr {0}: ge kunden {1}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="15" />
        <source>Defective</source>
        <translation>Defekt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="16" />
        <source>Wrong size</source>
        <translation>Fel storlek</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="17" />
        <source>Changed mind</source>
        <translation>Ångrat köp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="18" />
        <source>Other…</source>
        <translation>Annat…</translation>
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
        <translation>tillgodokvitto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="28" />
        <source>the web payment</source>
        <translation>webbetalningen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="35" />
        <source>No sale with receipt {0} on this till.</source>
        <translation>Inget köp med kvitto {0} i den här kassan.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="36" />
        <source>Receipt {0} is a return or a void: it cannot be returned.</source>
        <translation>Kvitto {0} är en retur eller makulering: det kan inte returneras.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="38" />
        <source>More than was sold (or already returned): {0}</source>
        <translation>Mer än som såldes (eller redan returnerats): {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="39" />
        <source>Pick what comes back.</source>
        <translation>Välj vad som lämnas tillbaka.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="40" />
        <source>Choose a reason.</source>
        <translation>Välj en orsak.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="41" />
        <source>A supervisor must approve this return.</source>
        <translation>En arbetsledare måste godkänna den här returen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="42" />
        <source>The card refund failed: {0}. Nothing was refunded.</source>
        <translation>Återbetalningen till kortet misslyckades: {0}. Inget betalades tillbaka.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="44" />
        <source>There is no sale of yours in this session to void.</source>
        <translation>Du har inget köp i det här passet att makulera.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="46" />
        <source>Receipt {0} has returns already: take a return instead.</source>
        <translation>Kvitto {0} har redan returer: gör en retur i stället.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_texts.py" line="48" />
        <source>The sale is not on this till and the hub does not answer: {0}</source>
        <translation>Köpet finns inte i den här kassan och hubben svarar inte: {0}</translation>
    </message>
</context>
<context>
    <name>SaleView</name>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="68" />
        <source>Scan, or type a name or number</source>
        <translation>Skanna, eller skriv namn eller nummer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="114" />
        <source>Shift and
reports</source>
        <translation>Skift och
rapporter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="149" />
        <source>Quantity</source>
        <translation>Antal</translation>
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
        <translation>Ta bort rad</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="153" />
        <source>Park</source>
        <translation>Parkera</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="154" />
        <source>Resume</source>
        <translation>Hämta parkerat</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="155" />
        <source>Copy receipt</source>
        <translation>Kopia / utskrift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="156" />
        <source>Open drawer</source>
        <translation>Öppna lådan</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="157" />
        <source>Void sale</source>
        <translation>Makulera köp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="158" />
        <source>Devices</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="159" />
        <source>Log out</source>
        <translation>Logga ut</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="160" />
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="170" />
        <source>Pay</source>
        <translation>Betala</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="204" />
        <source>VAT {0} %: {1}</source>
        <translation>Moms {0} %: {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="210" />
        <source>1 item</source>
        <translation>1 vara</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="211" />
        <source>{0} items</source>
        <translation>{0} varor</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="294" />
        <source>{0}: EXPIRED (best before date passed) – check the item.</source>
        <translation>{0}: UTGÅNGEN (datumet har passerat) – kontrollera varan.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="415" />
        <source>Sale {0} saved.</source>
        <translation>Köp {0} sparat.</translation>
    </message>
</context>
<context>
    <name>SeriesReceiptDialog</name>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="45" />
        <source>Provisional or delivery receipt</source>
        <translation>Preliminärt kvitto eller utlämningskvitto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="50" />
        <source>A receipt of this cart ({0}) that is not a receipt for the purchase:</source>
        <translation>Ett kvitto för den här varukorgen ({0}) som inte är ett kvitto för köpet:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="56" />
        <source>Provisional receipt</source>
        <translation>Preliminärt kvitto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="57" />
        <source>A bill for a sale not paid yet; the sale stays open.</source>
        <translation>En nota för ett köp som inte är betalt än; köpet förblir öppet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="58" />
        <source>Delivery receipt</source>
        <translation>Utlämningskvitto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="59" />
        <source>Goods handed over before they are paid for.</source>
        <translation>Varor som lämnas ut innan de är betalda.</translation>
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
        <translation>Nota /
utlämning</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="111" />
        <source>This sale is paid: its receipt is the sales receipt (F11 for a copy).</source>
        <translation>Köpet är betalt: kvittot är försäljningskvittot (F11 för en kopia).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="117" />
        <source>The cart is empty: there is nothing to put on the receipt.</source>
        <translation>Varukorgen är tom: det finns inget att skriva på kvittot.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="129" />
        <source>Provisional receipt {0} sent to the printer.</source>
        <translation>Preliminärt kvitto {0} har skickats till skrivaren.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/series_receipt_dialog.py" line="132" />
        <source>Delivery receipt {0} sent to the printer.</source>
        <translation>Utlämningskvitto {0} har skickats till skrivaren.</translation>
    </message>
</context>
<context>
    <name>ShiftViews</name>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="44" />
        <source>A shift is already open here.</source>
        <translation>Ett skift är redan öppet här.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="45" />
        <source>This shift is already closed.</source>
        <translation>Det här skiftet är redan stängt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="46" />
        <source>No open shift: open one first.</source>
        <translation>Inget öppet skift: öppna ett först.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="47" />
        <source>A supervisor must approve this.</source>
        <translation>En arbetsledare måste godkänna detta.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="48" />
        <source>A count cannot be negative: {0}</source>
        <translation>Ett antal kan inte vara negativt: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="49" />
        <source>That many pieces cannot be right: {0}</source>
        <translation>Så många stycken kan inte stämma: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="50" />
        <source>Not a whole number: {0}</source>
        <translation>Inte ett heltal: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="51" />
        <source>Unknown coin or note: {0}</source>
        <translation>Okänt mynt eller sedel: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="52" />
        <source>An amount cannot be negative.</source>
        <translation>Ett belopp kan inte vara negativt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="53" />
        <source>Enter an amount above zero.</source>
        <translation>Ange ett belopp över noll.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="54" />
        <source>That amount cannot be right: {0}</source>
        <translation>Det beloppet kan inte stämma: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="55" />
        <source>Give a reason.</source>
        <translation>Ange en orsak.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="67" />
        <source>Refused: {0}</source>
        <translation>Nekad: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="163" />
        <source>Counted: {0}</source>
        <translation>Räknat: {0}</translation>
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
        <translation>Presentkort</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="473" />
        <source>Loyalty points</source>
        <translation>Bonuspoäng</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="474" />
        <source>Store credit</source>
        <translation>Tillgodokvitto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="475" />
        <source>Web payment</source>
        <translation>Webbetalning</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_views.py" line="488" />
        <source>No open shift: open one with F1 (Shift and reports) before selling.</source>
        <translation>Inget öppet skift: öppna ett med F1 (Skift och rapporter) innan du säljer.</translation>
    </message>
</context>
<context>
    <name>SignUpDialog</name>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="44" />
        <source>New member</source>
        <translation>Ny medlem</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="47" />
        <source>New loyalty member: a name, and a phone number or an e-mail</source>
        <translation>Ny medlem i kundklubben: ett namn, och ett telefonnummer eller en e-postadress</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="55" />
        <source>Name</source>
        <translation>Namn</translation>
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
        <translation>Kundkort (skanna)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="75" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="76" />
        <source>Sign up</source>
        <translation>Registrera</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="100" />
        <source>Signing up {0}…</source>
        <translation>Registrerar {0} …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="119" />
        <source>Welcome, {0}: a member now, and attached.</source>
        <translation>Välkommen, {0}: medlem nu, och kopplad till köpet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_signup.py" line="120" />
        <source>{0} is a member already: attached.</source>
        <translation>{0} är redan medlem: kopplad till köpet.</translation>
    </message>
</context>
<context>
    <name>StockBadge</name>
    <message>
        <location filename="../../pos/ui/stock_badge.py" line="73" />
        <source>Stock: not known yet</source>
        <translation>Lager: inte känt än</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_badge.py" line="79" />
        <source>In stock: {0}</source>
        <translation>I lager: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_badge.py" line="82" />
        <source>In stock: {0} (count needed)</source>
        <translation>I lager: {0} (behöver inventeras)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_badge.py" line="86" />
        <source>{0}: hub {1}, sold here and not yet confirmed {2}</source>
        <translation>{0}: hubb {1}, sålt här och inte bekräftat än {2}</translation>
    </message>
</context>
<context>
    <name>StockEverywhere</name>
    <message>
        <location filename="../../pos/ui/anywhere_keys.py" line="33" />
        <source>Scan the item first, then Ctrl+E.</source>
        <translation>Skanna varan först, sedan Ctrl+E.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="44" />
        <source>The hub does not answer. ({0})</source>
        <translation>Hubben svarar inte. ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="45" />
        <source>Fill in the customer's {0}.</source>
        <translation>Fyll i kundens {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="46" />
        <source>The web shop did not take the order: {0}</source>
        <translation>Webbutiken tog inte emot ordern: {0}</translation>
    </message>
</context>
<context>
    <name>StockEverywhereView</name>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="57" />
        <source>Stock everywhere</source>
        <translation>Lager överallt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="64" />
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="64" />
        <source>In stock</source>
        <translation>I lager</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="65" />
        <source>Reserved (web)</source>
        <translation>Reserverat (webb)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="65" />
        <source>Available</source>
        <translation>Tillgängligt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="79" />
        <source>First name</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="79" />
        <source>Last name</source>
        <translation>Efternamn</translation>
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
        <translation>Adress</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="82" />
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="82" />
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="103" />
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="104" />
        <source>Order for home delivery</source>
        <translation>Beställ hemleverans</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="111" />
        <source>Not here? Order it for the customer's home</source>
        <translation>Inte här? Beställ hem till kunden</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="131" />
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="132" />
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="140" />
        <source>Asking every store and the web shop…</source>
        <translation>Frågar alla butiker och webbutiken …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="153" />
        <source>Something went wrong: {0}</source>
        <translation>Något gick fel: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="159" />
        <source> (this store)</source>
        <translation> (den här butiken)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="163" />
        <location filename="../../pos/ui/stock_everywhere.py" line="177" />
        <source>Web shop: {0}</source>
        <translation>Webbutik: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="188" />
        <source>Placing the order with the web shop…</source>
        <translation>Lägger ordern i webbutiken …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_everywhere.py" line="195" />
        <source>Web order #{0} placed: the customer gets it at home.</source>
        <translation>Webborder #{0} lagd: kunden får den hem.</translation>
    </message>
</context>
<context>
    <name>TillStatusBar</name>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="45" />
        <source>TRAINING MODE</source>
        <translation>TRÄNINGSLÄGE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="72" />
        <source>Printer: paper low</source>
        <translation>Skrivare: lite papper</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="74" />
        <source>{0} waiting (F11)</source>
        <translation>{0} väntar (F11)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="81" />
        <source>Drawer left open!</source>
        <translation>Lådan står öppen!</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="85" />
        <source>Drawer open</source>
        <translation>Lådan är öppen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="92" />
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="92" />
        <source>Scale</source>
        <translation>Våg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="93" />
        <source>Display</source>
        <translation>Kunddisplay</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="103" />
        <source>cashier</source>
        <translation>kassör</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="103" />
        <source>supervisor</source>
        <translation>arbetsledare</translation>
    </message>
    <message>
        <location filename="../../pos/ui/status_bar.py" line="104" />
        <source>manager</source>
        <translation>butikschef</translation>
    </message>
</context>
<context>
    <name>WebReturnView</name>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="47" />
        <source>No web order {0} on the hub.</source>
        <translation>Ingen webborder {0} på hubben.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="48" />
        <source>The hub does not answer: the order cannot be checked now. ({0})</source>
        <translation>Hubben svarar inte: ordern kan inte kontrolleras nu. ({0})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="50" />
        <source>Refused: {0}</source>
        <translation>Nekad: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="51" />
        <source>{0} is not in this till's catalog yet.</source>
        <translation>{0} finns inte i kassans varuregister än.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="61" />
        <location filename="../../pos/ui/web_return_view.py" line="245" />
        <source>Return of a web order</source>
        <translation>Retur av webborder</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="73" />
        <source>Which web order? Type its number (from the order e-mail).</source>
        <translation>Vilken webborder? Skriv numret (från ordermejlet).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="77" />
        <source>Order number, e.g. #1042</source>
        <translation>Ordernummer, t.ex. #1042</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="84" />
        <source>Item</source>
        <translation>Vara</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="84" />
        <source>Bought</source>
        <translation>Köpt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="85" />
        <source>Returned</source>
        <translation>Returnerat</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="86" />
        <source>Back now</source>
        <translation>Tillbaka nu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="86" />
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="106" />
        <source>To the web payment</source>
        <translation>Till webbetalningen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="107" />
        <source>Store credit</source>
        <translation>Tillgodokvitto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="119" />
        <source>All / none</source>
        <translation>Alla / inga</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="121" />
        <location filename="../../pos/ui/web_return_view.py" line="196" />
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="122" />
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="123" />
        <source>Refund</source>
        <translation>Återbetalning</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="150" />
        <source>Looking up web order {0}…</source>
        <translation>Söker webborder {0} …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="164" />
        <source>Web order #{0} · {1} · {2}</source>
        <translation>Webborder #{0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="167" />
        <source>Pick what comes back.</source>
        <translation>Välj vad som lämnas tillbaka.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="168" />
        <source>This order is already returned in full.</source>
        <translation>Den här ordern är redan returnerad i sin helhet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="175" />
        <source>Something went wrong: {0}</source>
        <translation>Något gick fel: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="196" />
        <source>How many come back?</source>
        <translation>Hur många lämnas tillbaka?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="235" />
        <source>Back to {0}: {1}</source>
        <translation>Tillbaka till {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="246" />
        <source>A supervisor must approve this return.</source>
        <translation>En arbetsledare måste godkänna den här returen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="270" />
        <source>Asking the hub to take the return…</source>
        <translation>Ber hubben ta emot returen …</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="284" />
        <source>Returned: receipt {0}. The web shop refunds the customer.</source>
        <translation>Returnerat: kvitto {0}. Webbutiken återbetalar kunden.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/web_return_view.py" line="286" />
        <source>Returned: receipt {0}. Store credit printed.</source>
        <translation>Returnerat: kvitto {0}. Tillgodokvitto utskrivet.</translation>
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
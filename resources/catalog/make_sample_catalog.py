# ruff: noqa: E501  (the TEMPLATES below are a table, one product family per line)
"""Generate the sample grocery catalog for `kassa demo` (a Norwegian supermarket, ~2,000 items).

Regenerate (deterministic: same output byte for byte on every run and machine):

    .venv/bin/python resources/catalog/make_sample_catalog.py

writes sample_catalog.csv and departments.csv next to this script. Commit both.

Columns of sample_catalog.csv (UTF-8, comma separated, header row):
  sku          internal article number: 2-digit department + 4-digit sequence
  gtins        one or more EAN-13/EAN-8, "|"-separated, check digits valid, unique in the file;
               empty for weighed items. Prefix 70 (Norway) for most, 73 for Swedish brands,
               40-44 for German imports, 977 (ISSN) for newspapers, 978 (ISBN) for books.
  name         Norwegian Bokmål, brand + product + size, as on a shelf label
  department   department name (see departments.csv)
  price_minor  VAT-inclusive price in øre; for sold_by=weight, the price per kg
  vat_code     food (15 %), standard (25 %) or zero (0 %: newspapers and books)
  sold_by      unit or weight
  plu          4-digit PLU for weighed items (produce codes follow the IFPS style), else empty
  quick_key    1 for the items on the department quick keys, else 0

The names are composed from department word lists below; brands are real Nordic brands so the
demo looks like a real store, but the GTINs are made up (deterministic company prefixes per
brand) and the prices are plausible 2026 shelf prices, not anyone's price list.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from pathlib import Path

from stdnum import ean

HERE = Path(__file__).resolve().parent
SEED = 2026
TARGET_ROWS = 2000
COLUMNS = [
    "sku", "gtins", "name", "department", "price_minor", "vat_code", "sold_by", "plu", "quick_key"
]

# (number, name, default VAT code)
DEPARTMENTS: list[tuple[int, str, str]] = [
    (1, "Frukt og grønt", "food"),
    (2, "Meieri og egg", "food"),
    (3, "Brød og bakevarer", "food"),
    (4, "Kjøtt og fjærkre", "food"),
    (5, "Fisk og sjømat", "food"),
    (6, "Frysevarer", "food"),
    (7, "Tørrvarer", "food"),
    (8, "Drikke", "food"),
    (9, "Snacks og godteri", "food"),
    (10, "Personlig pleie", "standard"),
    (11, "Husholdning", "standard"),
    (12, "Kiosk og blomster", "standard"),
]

SWEDISH = {
    "Wasa", "Pågen", "Polarbröd", "Leksands", "Oatly", "Santa Maria", "Abba", "Kalles",
    "Zoégas", "Estrella", "OLW", "Ahlgrens", "Cloetta", "Malaco", "Göteborgs", "Risenta",
    "Celsius", "Libero", "Libresse", "Barnängen", "Axa", "Läkerol", "General", "Duni",
    "Göteborgs Rapé", "Daim", "Marabou", "Semper", "Swedish Match", "Jozo", "Dansukker",
    "O'boy", "Via", "Polly",
}
ITALIAN = {"Barilla", "Mutti", "Galbani", "Schär"}
GERMAN = {
    "Haribo", "Ritter Sport", "Milka", "Dr. Oetker", "Nivea", "Bahlsen", "Leibniz", "Kinder",
    "Hipp", "Ültje", "Lorenz", "Miracoli", "Schwartau", "Dallmayr", "Schwarzkopf", "Sebamed",
    "Tempo", "Pril", "Somat", "Kühne", "Toppits", "Varta", "Balea", "Rügen Fisch",
}

# Templates: "brand | pattern | variants | sizes", one per line, "#" starts a comment.
#   pattern  the product words; "{v}" is replaced by each variant (no "{v}": one product)
#   variants comma separated; a variant may carry its own sizes after "@"
#   sizes    "size=price" separated by ";", price in øre (a typical shelf price)
# A line ending in "!standard", "!food" or "!zero" overrides the department's VAT code (e.g. beer).
# Names read brand + pattern + size: "Tine | Lettmelk | | 1 l=2390" -> "Tine Lettmelk 1 l".
TEMPLATES: dict[str, str] = {
    "Frukt og grønt": """
Bama | Epler {v} | Pink Lady, Granny Smith, Royal Gala, Jonagold, Red Chief, Aroma | 1 kg=3490; 6 stk=3290
Bama | Pærer {v} | Conference, Williams, Celina | 1 kg=3690
Bama | Druer {v} | grønne steinfrie, røde steinfrie, blå steinfrie | 500 g=3990
Bama | {v} | Jordbær@400 g=4990, Blåbær@125 g=2990;250 g=4990, Bringebær@125 g=3490, Bjørnebær@125 g=3490, Rips@125 g=2990
Bama | {v} | Cherrytomater, Plommetomater, Cocktailtomater, Snacktomater | 250 g=2490; 500 g=3990
Bama | {v} | Ruccula, Babyleaf, Babyspinat, Salatmiks, Mâchesalat, Feltsalat | 65 g=2290; 150 g=3490
Bama | {v} | Hjertesalat 2 stk@=2990, Isbergsalat@=2490, Romanosalat@=2690, Crispisalat i potte@=2990
Bama | Salatkit {v} | Caesar, Asiatisk, Gresk, Coleslaw | 230 g=3990
Bama | Poteter {v} | Mandel, Asterix, Folva, Beate, Gullauge, Nypoteter | 1 kg=2490; 2 kg=3990
Bama | Bakepoteter | | 1 kg=2990
Bama | {v} | Gulrøtter, Rødbeter, Pastinakk, Kålrot, Persillerot | 500 g=1590; 1 kg=2290
Bama | Løk {v} | gul, rød, sjalott | 500 g=1490; 1 kg=2190
Bama | {v} | Hvitløk 3 stk@=1990, Vårløk bunt@=1790, Purre@=1990, Fennikel@=2490 |
Bama | Paprika {v} | rød, gul, grønn, miks 3 stk@=3490 | =1490
Bama | {v} | Brokkoli, Blomkål, Spisskål, Hodekål, Rødkål, Savoykål, Rosenkål@400 g=2990 | =2490
Bama | {v} | Agurk, Squash, Aubergine, Mais 2 stk, Sellerirot, Stangselleri | =1790
Bama | {v} | Sitroner@500 g=2490, Lime@4 stk=1990, Appelsiner@2 kg=4490, Klementiner@1 kg=3490;2 kg=5990, Grapefrukt@2 stk=2490
Bama | {v} | Mango spiseklar, Avokado spiseklar, Ananas, Papaya, Granateple, Kokosnøtt | =2990
Bama | Avokado {v} | spiseklar 2 stk, Hass 4 stk, mini 500 g | =3490
Bama | {v} | Kiwi@6 stk=2990, Nektariner@1 kg=4490, Plommer@500 g=3490, Fersken@4 stk=3290, Physalis@100 g=2990
Bama | {v} | Sjampinjong, Aromasopp, Kantarell, Østerssopp, Shiitake | 250 g=2990
Bama | Bananer {v} | økologiske 5 stk, små 1 kg | =3490
Bama | Søtpoteter | | 1 kg=3490
Bama | Ingefær | | 200 g=1990
Bama | Sugar snaps | | 150 g=2990
Bama | Aspargesbønner | | 200 g=2990
Bama | Grønne asparges | | 250 g=4990
Bama | Edamamebønner | | 200 g=2990
Fersk & Ferdig | {v} | Wokgrønnsaker, Grønnsaksblanding, Gulrotstaver, Kålrabistaver, Grønnkål hakket, Løk og paprika strimlet, Suppegrønnsaker | 300 g=2990; 500 g=3990
Urtehuset | {v} i potte | Basilikum, Persille, Koriander, Gressløk, Dill, Timian, Mynte, Rosmarin, Oregano, Salvie | 1 stk=2990
Urtehuset | {v} i bunt | Persille, Koriander, Dill, Mynte | 1 stk=2290
Smak | {v} | Spirer alfalfa, Erteskudd, Reddikspirer, Mikrogrønt miks | 50 g=2490
Eldorado | {v} | Soltørkede tomater, Grillet paprika, Artisjokkhjerter | 280 g=3490
Bama | Fruktbeger {v} | Ananas, Melon, Frukt miks, Mango, Vannmelon | 200 g=3490; 400 g=5490
Bama | Ferdig kuttet {v} | Gulrot og kålrot, Løkmiks, Brokkoli og blomkål, Suppemiks | 400 g=3290
Bama | {v} | Sukkererter, Bønnespirer, Reddiker bunt, Chili rød, Chili grønn, Jalapeños, Rødløk 3 stk, Sjalottløk | =1990
Bama | Økologiske {v} | gulrøtter 750 g, poteter 1,5 kg, løk 500 g, sitroner 4 stk, epler 6 stk | =3490
Bama | Smoothie {v} | Mango og pasjonsfrukt, Jordbær og banan, Grønn, Blåbær | 250 ml=2990; 750 ml=5490
""",
    "Meieri og egg": """
Tine | {v} | Lettmelk, Helmelk, Ekstra lett melk, Skummet melk, Lettmelk laktosefri, Helmelk økologisk | 1 l=2390; 1,75 l=3890
Tine | {v} | Kefir, Kulturmelk, Biola Blåbær, Biola Naturell, Biola Jordbær | 1 l=3290
Tine | Litago {v} | Sjokolademelk, Jordbærmelk, Vaniljemelk, Sjokolade proteinmelk | 0,33 l=2290; 1 l=3990; 0,5 l=2890
Tine | Yoghurt {v} | Jordbær, Vanilje, Blåbær, Bringebær, Skogsbær, Pære, Naturell, Fersken | 4 x 125 g=3690; 500 g=3690
Tine | Go'morgen {v} | Vanilje, Skogsbær, Jordbær, Blåbær, Kirsebær, Yoghurt naturell | 170 g=1890; 4 x 170 g=6490
Tine | Skyr {v} | Naturell, Vanilje, Blåbær, Jordbær, Bringebær | 160 g=1990; 500 g=4290
Tine | {v} | Lettrømme 18 %, Seterrømme 35 %, Crème fraîche 18 %, Crème fraîche 35 %, Kesam Original 7 %, Kesam Lett 1 % | 300 g=2890
Tine | {v} | Kremfløte 36 %, Matfløte 20 %, Lettere kremfløte 25 %, Kaffefløte 10 % | 3 dl=2690; 5 dl=3990
Tine | Cottage cheese {v} | , mager, med gressløk | 400 g=3690
Tine | Smør {v} | normalsaltet, usaltet, lettsaltet | 250 g=3290; 500 g=5990
Tine | Bremykt | | 250 g=3390; 500 g=5490
Tine | Meierismør | | 500 g=6490
Tine | Norvegia {v} | 26 %, 17 % lettere, vellagret | ca 1 kg=12900; ca 500 g=6990; skivet 150 g=3990
Tine | Jarlsberg {v} | 27 %, 16 % lettere, spesial | ca 500 g=10900; skivet 150 g=4690
Tine | {v} | Gudbrandsdalsost, Ekte Geitost, Fløtemysost, Brunost lett, Brunost skivet | 500 g=8990; 250 g=5290
Tine | Prim {v} | , lett | 250 g=3290
Tine | Snøfrisk {v} | Naturell, Hvitløk og urter, Pepper | 125 g=3990
Tine | {v} | Revet ost Pizzablanding, Revet ost Norvegia, Revet ost Lettere | 150 g=3290; 400 g=6990
Tine | {v} | Ridderost, Port Salut, Norzola, Nøkkelost, Gräddost | ca 500 g=9990
Tine | {v} | Mozzarella, Feta i lake, Halloumi, Mascarpone | 125 g=2990; 250 g=4990
Synnøve | Gulost {v} | original, lettere, vellagret, skivet | ca 500 g=7990; 1 kg=13900
Synnøve | {v} | Smøreost Bacon, Smøreost Paprika, Smøreost Skinke, Smøreost Reker | 250 g=3690; tube 175 g=3290
Kavli | {v}ost | Reke, Bacon, Skinke, Paprika, Sopp | 250 g=3990
Q | {v} | Lettmelk, Helmelk, Ekstra lett, Lettmelk laktosefri | 1 l=2490; 1,75 l=3890
Q | Yoghurt {v} | Gresk naturell, Jordbær, Vanilje, Kokos | 500 g=3990; 4 x 125 g=3690
Q | Kvarg {v} | Vanilje, Blåbær, Naturell | 250 g=2490
Prior | Egg {v} | frittgående, økologiske, store, frittgående M | 6 stk=3290; 12 stk=5490; 18 stk=7490
Oatly | {v} | Havredrikk Original, Havredrikk Barista, Havredrikk Sjokolade, Havredrikk Lett | 1 l=3290
Oatly | iMat {v} | Matlaging, Fraiche | 2,5 dl=2690
Mills | {v} | Melange, Soft Flora, Vita Hjertego, Soft Flora Lett | 500 g=4490; 250 g=2990; 1 kg=7990
Arla | {v} | Protein Yoghurt Vanilje, Protein Yoghurt Jordbær, Protein Pudding Sjokolade | 200 g=2490
Tine | Yoghurt Gresk {v} | naturell, honning, vanilje | 500 g=3990; 200 g=1990
Tine | Piano {v} | Vaniljepudding, Sjokoladepudding, Karamellpudding | 4 x 100 g=3990
Tine | Matyoghurt {v} | naturell, lett | 0,5 l=2490; 1 l=3490
Synnøve | {v} | Kremost Naturell, Kremost Urter, Gouda skivet, Cheddar skivet | 150 g=3490
Arla | {v} | Cheddar, Gouda, Havarti, Brie, Camembert | 200 g=3990
Président | {v} | Brie, Camembert, Chèvre | 200 g=4490
Galbani | {v} | Mozzarella, Ricotta, Mascarpone, Gorgonzola | 125 g=2490; 250 g=3990
Q | {v} | Kulturmelk, Kefir, Skummet kulturmelk | 0,5 l=2290; 1 l=3290
Tine | Melk {v} | Sjokolade lett, Kaffe latte, Jordbær lett | 0,5 l=2490
""",
    "Brød og bakevarer": """
Bakehuset | {v} | Kneippbrød, Grovbrød, Helkornbrød, Fiberbrød, Havrebrød, Rugbrød, Brød med solsikkekjerner, Grovt landbrød | 750 g=3990; 375 g=2490
Mesterbakeren | {v} | Kneipp, Bondebrød, Grovt med gulrot, Spelt og havre, Farmerbrød | 750 g=4290
Bakers | {v} | Ekte Kneipp, Grovt og godt, Solsikkebrød, Rug og havre, Fullkorn, Havre & Kli | 750 g=4490; 500 g=3490
Bakers | {v} | Loff, Formloff, Fransk landbrød, Ciabatta, Surdeigsbrød | 500 g=3290
Bakehuset | {v} | Pølsebrød 12 stk, Hamburgerbrød 4 stk, Baguetter 2 stk, Rundstykker 6 stk, Grove rundstykker 6 stk, Ciabattaboller 4 stk | =2990
Bakehuset | {v} | Skolebolle 2 stk, Kanelsnurr 4 stk, Vaniljeboller 4 stk, Rosinboller 6 stk, Wienerbrød 2 stk, Kardemommeboller 6 stk | =3490
Pågen | {v} | Gifflar Kanel, Gifflar Vanilje, Lingongrova, Rågkusar, Krisprolls Original, Krisprolls Grove | 260 g=3290
Polarbröd | {v} | Original, Grov, Middagsbröd | 8 stk=3490
Wasa | {v} | Husman, Sport+, Frukost, Sesam & Havsalt, Havre, Rug Delikatess | 260 g=2990; 520 g=3990
Leksands | Knekkebrød {v} | Rund Grov, Rund Normal, Havre | 200 g=3290
Ideal | Flatbrød {v} | , grov, byggflatbrød | 300 g=3490
Mors | {v} | Lefse, Lomper 10 stk, Potetlefse, Tynnlefse | =3290
Santa Maria | Tortilla {v} | Original, Fullkorn, Mini | 8 stk=3290
Bakehuset | {v} | Sjokoladekake, Gulrotkake, Sukkerbrødbunner 3 stk, Eplekake | =5990
Göteborgs | {v} | Ballerina Original, Ballerina Kladdkaka, Singoalla, Remi, Brago | 190 g=2990
Sætre | {v} | Gull Kjeks, Bixit, Havrekjeks, Kaptein Kjeks, Grove Kjeks, Kokoskjeks, Marie Kjeks | 200 g=2690; 400 g=3990; 3-pk=8990
Bahlsen | {v} | Choco Leibniz Melk, Choco Leibniz Mørk, Pick Up!, Hit | 125 g=3290
First Price | {v} | Kneipp, Loff, Grovbrød | 750 g=2490
Bakehuset | Halvt {v} | Kneippbrød, Grovbrød, Helkornbrød | 375 g=2490
Mesterbakeren | {v} | Rundstykker 6 stk, Frokostrundstykker 8 stk, Grove horn 4 stk, Havreboller 6 stk | =3290
Bakers | {v} | Lomper 10 stk, Pølsebrød 10 stk, Hamburgerbrød Brioche 4 stk, Pitabrød 6 stk, Naanbrød 2 stk | =3290
Bakehuset | Glutenfri {v} | Grovbrød, Loff, Rundstykker 4 stk | =5490
Schär | {v} | Glutenfritt brød, Glutenfrie kjeks, Glutenfri Knekkebrød | =4990
Hatting | {v} | Hvitløksbaguette 2 stk, Naanbrød, Pizzabunn 2 stk | =3490
Wasa | Sandwich {v} | Cheese, Yoghurt, Tomato & Basil | 1 stk=1990
""",
    "Kjøtt og fjærkre": """
Gilde | {v} | Kjøttdeig 14 %, Kjøttdeig 5 %, Karbonadedeig 5 %, Svinekjøttdeig, Lammekjøttdeig | 400 g=4990; 800 g=8990
Gilde | {v} | Grillpølser, Wienerpølser, Kjøttpølser, Ostepølser, Chorizopølser, Grill- og Wienerpølser, Middagspølser | 600 g=5490; 1 kg=7990
Gilde | {v} | Kjøttkaker, Medisterkaker, Medisterpølse, Karbonader | 800 g=7490
Gilde | {v} | Svinekoteletter, Svinefilet, Indrefilet av svin, Nakkekoteletter, Svinenakke i skiver | 600 g=7990
Gilde | {v} | Bacon, Bacon i terninger, Baconskiver tynne | 140 g=3290; 280 g=5990
Gilde | {v} | Entrecôte, Ytrefilet av storfe, Biff av storfe, Flatbiff, Høyrygg i skiver | 400 g=13990
Gilde | {v} | Lammekoteletter, Lammelår uten ben, Lammestek, Fårikålkjøtt | ca 1 kg=21900
Gilde | {v} | Ribbe, Pinnekjøtt, Svinestek, Juleskinke | ca 2 kg=29900
Gilde | {v} | Servelat, Fårepølse, Kokt skinke, Røkt skinke, Hamburgerrygg, Salami, Sylte | 130 g=3290; 300 g=5990
Gilde | {v} | Spekeskinke, Fenalår skivet, Spekepølse, Morrpølse | 100 g=4490
Prior | {v} | Kyllingfilet@400 g=7990;700 g=12990, Kyllinglår@1 kg=7990, Hel kylling@ca 1,3 kg=8990, Kyllingvinger@1 kg=6990, Kyllingkjøttdeig@400 g=4990, Kyllingbryst med skinn@500 g=9490, Kyllinglårfilet@500 g=8990
Prior | Kyllingpølser {v} | , med ost, grill | 600 g=5490
Den Stolte Hane | {v} | Kyllingfilet, Kyllinglårfilet, Hel kylling | 500 g=11990
Solvinge | {v} | Kyllingfilet økologisk, Hel kylling økologisk | 500 g=12990
Prior | {v} | Kalkunfilet, Kalkunbryst, Kalkunkjøttdeig | 500 g=10990
Eldhus | {v} | Kyllingpålegg, Kalkunpålegg, Røkt kyllingbryst, Kylling med karri | 100 g=3490
Stabburet | Leverpostei {v} | Original, Mager, Bacon, Paprika | 100 g=1890; 250 g=3490
Nordfjord | {v} | Kyllingpølse, Kjøttpølse, Grillpølse | 500 g=5490
Fjordland | {v} | Kjøttkaker i brun saus, Lasagne, Kylling i karri, Spaghetti bolognese, Pinnekjøtt med kålrotstappe, Fårikål, Lapskaus, Kyllinggryte med ris | 450 g=7490
First Price | {v} | Kjøttdeig, Kyllingfilet, Wienerpølser, Bacon | 400 g=3990
Leiv Vidar | {v} | Fenalår, Spekeskinke, Salami | 100 g=4990
Gilde | Kebab {v} | kjøtt, kylling, lam | 300 g=4990; 600 g=7990
Gilde | {v} | Pulled pork, Pulled beef, Spareribs, Svineribbe i skiver | 500 g=8990
Gilde | {v} | Hamburgere 4 stk, Hamburgere Angus 2 stk, Cheeseburgere 4 stk | =7990
Grilstad | {v} | Salami, Servelat, Fårepølse, Morrpølse, Stabbursskinke, Kalkunfilet skivet | 100 g=3490
Nordfjord | {v} | Kokt skinke, Røkt skinke, Roastbiff | 100 g=3690
Mills | {v} | Rekesalat, Italiensk salat, Hønsesalat, Skagenröra, Potetsalat | 150 g=3490; 400 g=5990
Joika | Reinsdyrkaker | | 280 g=4990
Gilde | Lammekjøtt {v} | i terninger, fårikål, karbonadedeig | 500 g=12990
""",
    "Fisk og sjømat": """
Lerøy | Laksefilet {v} | naturell, uten skinn, med skinn, porsjonsstykker | 4 x 125 g=9490; 250 g=5990
Lerøy | Torskefilet {v} | naturell, loins, porsjoner | 400 g=8990; 800 g=15990
Lerøy | {v} | Ørretfilet, Seifilet, Hysefilet, Lysingfilet, Kveitefilet | 400 g=7990
Lerøy | Røkt laks {v} | skivet, med dill, pepper | 100 g=4990; 200 g=8490
Lerøy | {v} | Reker i lake, Kongekrabbe, Blåskjell, Scampi | 200 g=5990
Salma | Laks {v} | loins naturell, sitron og pepper, teriyaki | 240 g=8990
Mowi | {v} | Laks naturell, Laks med urter, Gravlaks skivet | 250 g=7990
Lofoten | Fiskekaker {v} | , grove, med purre | 500 g=5990
Lofoten | {v} | Fiskeboller i buljong, Fiskeboller i hvit saus, Fiskepudding | 800 g=4990
Lofoten | {v} | Fiskeburger, Fiskegrateng, Fiskesuppe | 400 g=5490
Fjordland | {v} | Fiskegrateng, Laks med poteter, Torsk i smørsaus, Fiskesuppe | 450 g=7490
Stabburet | Makrell i tomat {v} | , chili, hvitløk, Mager | 170 g=2290; 3 x 170 g=5990
King Oscar | {v} | Sardiner i olivenolje, Sardiner i tomat, Brisling i olje, Brisling i tomat, Makrellfilet i olje | 110 g=2790; 3 x 110 g=6990
Mills | Kaviar {v} | Original, Mild, Ekstra røkt | 185 g=3290
Kalles | Kaviar {v} | Original, Mild | 190 g=3490
Abba | {v} | Sursild, Løksild, Sennepssild, Tomatsild | 240 g=3990
John West | Tunfisk {v} | i vann, i olje, i solsikkeolje | 3 x 80 g=4490
Norsk Sjømat | {v} | Plukkfisk, Klippfisk, Lutefisk | 500 g=8990
Mowi | Laks {v} | naturell 2 stk, teriyaki 2 stk, urter og hvitløk 2 stk | =7990
Lofoten | {v} | Fiskepinner, Torskeburger, Laksepinner | 400 g=5490
Norsk Sjømat | {v} | Krabbeklør, Sjøkreps, Taskekrabbe | 500 g=12990
Rügen Fisch | {v} | Tunfisk i vann, Makrellfilet i tomat, Sild i gelé | 125 g=2490
Lerøy | {v} | Laksekaker, Fiskekaker grove, Fiskeburger med gressløk | 400 g=5490
""",
    "Frysevarer": """
Grandiosa | {v} | Original, Pepperoni, Kebab, Skinke og ananas, Chili, Tacopizza, Tre oster, Laks og spinat | 575 g=6490
Big One | {v} | Original, Pepperoni, Kebab, Chicken | 575 g=6990
Dr. Oetker | Ristorante Pizza {v} | Mozzarella, Pepperoni Salame, Funghi, Hawaii, Tonno, Spinaci, Quattro Formaggi | 355 g=5490
Peppes | Pizza {v} | Pepperoni, Kebab, Kylling og bacon | 670 g=8990
Grandiosa | Pizzabunner {v} | , grove | 2 stk=3990
Findus | {v} | Torskefilet naturell, Fiskepinner, Panert sei, Fiskegrateng, Plukkfisk | 400 g=5990; 800 g=9990
Findus | {v} | Erter, Brokkoli, Grønnsaksblanding, Wokgrønnsaker, Rosenkål, Sukkererter, Mais | 450 g=3490; 1 kg=5990
Findus | {v} | Blåbær, Bringebær, Skogsbærblanding, Mango i biter, Smoothiemiks, Jordbær | 450 g=4490
Frionor | {v} | Fiskeburger, Fiskekaker, Laksefilet, Torskeloins | 400 g=6490
Gilde | {v} | Frosne kjøttkaker, Frosne pølser, Pulled pork | 800 g=7990
Prior | {v} | Kyllingfilet frossen, Kyllingvinger frosne, Kyllingnuggets, Kyllingburger | 1 kg=10990
First Price | {v} | Pommes frites, Potetbåter, Rösti, Kyllingfilet frossen, Fiskepinner | 1 kg=3990
Diplom-Is | Fløteis {v} | Vanilje, Sjokolade, Jordbær, Nøtti Frutti, Pistasj | 2 l=6990
Diplom-Is | {v} | Krone-is Sjokolade, Krone-is Jordbær, Sandwich, Lollipop, Pinne-is Sjokolade | 1 stk=2290; 6 stk=7990
Hennig-Olsen | {v} | Kremis Vanilje, Kremis Sjokolade, Krokan, Pinup, Kjærlighet på pinne | 1,5 l=5990
Hennig-Olsen | Sorbet {v} | Mango, Bringebær, Sitron | 0,9 l=4990
Dr. Oetker | {v} | Sjokoladekake frossen, Ostekake frossen | 1 stk=6990
Bakehuset | {v} | Rundstykker til steking, Baguetter til steking, Croissanter | 6 stk=3990
Toro | {v} | Vårruller, Dumplings med kylling, Gyoza med grønnsaker | 400 g=5490
Dr. Oetker | Big Americans {v} | Pepperoni, Texas, Supreme | 435 g=6490
Findus | {v} | Lasagne, Pasta Carbonara, Kylling Tikka Masala, Fiskegrateng med makaroni | 350 g=4990
Findus | Wok {v} | Asiatisk, Thai, Teriyaki | 500 g=4990
First Price | {v} | Erter, Blåbær, Grønnsaksblanding, Brokkoli, Pizza Pepperoni | 1 kg=3490
Hatting | {v} | Hvitløksbaguette, Kanelsnurrer, Croissanter, Grove rundstykker 12 stk, Wienerbrød | =4490
Lerøy | Frossen {v} | laksefilet, torskeloins, reker | 500 g=9990
Diplom-Is | Sandwich {v} | Vanilje, Sjokolade | 6 stk=7490
""",
    "Tørrvarer": """
Toro | {v} | Tomatsuppe med makaroni, Blomkålsuppe, Bergensk fiskesuppe, Aspargessuppe, Kyllingsuppe, Minestrone, Betasuppe, Løksuppe, Sopp- og purresuppe | =2490
Toro | {v} | Jegergryte, Lapskaus, Fårikål, Tacogryte, Kyllinggryte, Chili con carne | =3290
Toro | {v} | Brun saus, Hvit saus, Bearnaisesaus, Pepperrotsaus, Sjysaus | =1490
Toro | {v} | Rispudding, Sjokoladepudding, Karamellpudding, Vaniljesaus, Pannekakemiks, Vaffelmiks | =2490
Toro | Havrelett {v} | , med blåbær | =2290
Santa Maria | {v} | Taco Spice Mix, Taco Sauce Mild, Taco Sauce Medium, Tortilla Chips, Taco Shells, Salsa Dip | =2490
Santa Maria | {v} | Chili Powder, Garam Masala, Karri, Paprika, Spisskummen, Kanel, Kardemomme, Svart pepper kvernet | =2990
Idun | {v} | Ketchup, Sennep, Grov sennep, Dressing Hvitløk, Dressing Thousand Island, Remulade | 500 g=2990; 1 kg=4990
Mills | {v} | Majones, Lett majones, Peanøttsmør, Remulade | 160 g=2590; 350 g=3990
Kühne | {v} | Sylteagurk, Rødbeter, Syltet løk, Cornichons | 370 g=3490
Stabburet | Nugatti {v} | Original, Crunchy | 400 g=4990
Nora | Syltetøy {v} | Jordbær, Bringebær, Blåbær, Tyttebær, Aprikos, Solbær | 400 g=3490; 800 g=5490
Nora | {v} | Rødkål, Rødbeter, Surkål, Tomatpuré | 350 g=2490
Mutti | Tomater {v} | hakkede, hele, passata | 400 g=1990
Eldorado | {v} | Hakkede tomater, Kokosmelk, Kikerter, Kidneybønner, Maiskorn, Hermetiske ananasbiter | 400 g=1490
Møllerens | {v} | Hvetemel, Sammalt hvete grov, Sammalt rug, Siktet hvete og rug, Speltmel, Potetmel, Maisenna | 1 kg=2290; 2 kg=3590
Dansukker | {v} | Strøsukker, Melis, Brunt sukker, Perlesukker | 1 kg=2490
Axa | {v} | Havregryn lettkokt, Havregryn store, Müsli Original, Müsli Frukt og nøtt, Granola Honning | 750 g=3490; 1 kg=3990
Kellogg's | {v} | Corn Flakes, Special K, Frosties, All-Bran, Rice Krispies | 375 g=4490
Eldorado | {v} | Spaghetti, Penne, Makaroni, Fusilli, Lasagneplater, Tagliatelle | 500 g=2490; 1 kg=3990
Barilla | {v} | Spaghetti n.5, Penne Rigate, Fusilli, Farfalle | 500 g=2990
Ben's Original | Ris {v} | Parboiled, Jasmin, Basmati, Fullkorn | 1 kg=4490
Risenta | {v} | Quinoa, Bulgur, Couscous, Røde linser, Chiafrø, Linfrø | 500 g=3990
Eldorado | {v} | Rosiner, Dadler, Tørkede aprikoser, Svisker, Tranebær tørket | 250 g=2990
Dr. Oetker | {v} | Bakepulver, Vaniljesukker, Tørrgjær, Kakaopulver, Sjokoladekake bakemiks | =2490
Schwartau | Extra {v} | Jordbær, Kirsebær, Bringebær | 340 g=3990
Miracoli | {v} | Spaghetti med tomatsaus, Spaghetti Bolognese | 3 porsjoner=4990
Hipp | {v} | Grøt Havre, Grøt Fullkorn, Frukt og bær | 250 g=3990
Semper | Barnegrøt {v} | Havre, Fullkorn, Mais og ris | 300 g=3990
Eldorado | Olivenolje {v} | Extra Virgin, Mild | 500 ml=7990
Mills | {v} | Rapsolje, Solsikkeolje | 1 l=4490
Maggi | {v} | Buljongterninger kjøtt, Buljongterninger kylling, Grønnsaksbuljong | =2490
Jozo | {v} | Bordsalt, Havsalt, Saltflak | 1 kg=1990
Santa Maria | {v} | Thai Red Curry Kit, Butter Chicken Kit, Tikka Masala Kit, Fajita Kit | =3990
Barilla | Pesto {v} | alla Genovese, Rosso | 190 g=3990
Eldorado | {v} | Cornflakes, Ris jasmin, Ris parboiled, Hvetemel, Strøsukker, Havregryn | =1990
Hindu | {v} | Kanel, Kardemomme, Svart pepper, Paprikapulver, Oregano, Basilikum, Karri, Chilipulver, Gurkemeie, Ingefær malt, Hvitløkspulver, Laurbærblad, Nellik, Muskat | =2990
Old El Paso | {v} | Tortilla Chips, Taco Shells, Salsa, Tacokrydder, Burritos 8 stk | =2990
Blue Dragon | {v} | Soyasaus, Sweet Chili saus, Kokosmelk, Eggnudler, Red Curry Paste, Green Curry Paste, Wokolje | =2990
Heinz | {v} | Ketchup, Baked Beans, Majones, Yellow Mustard | =3490
Eldorado | {v} | Kokosmelk lett, Bønner i tomatsaus, Hvite bønner, Sorte bønner, Grønne linser, Oliven grønne, Oliven sorte, Kapers | 400 g=1790
Nestlé | {v} | Cheerios, Nesquik frokost, Fitness, Lion | 375 g=4490
Sunda | Müsli {v} | Original, Lett, Frukt, Nøtter og bær | 750 g=4490
Honningcentralen | {v} | Lynghonning, Sommerhonning, Flytende honning | 350 g=5990
Freia | {v} | Kokesjokolade@150 g=3490, Regia Kakao@250 g=4290, Dronning Sjokoladesaus@250 ml=3490 |
Dr. Oetker | {v} | Melisglasur, Strøssel, Gelatin, Vaniljekrem pulver, Kakepynt | =2490
Idun | {v} | Tørrgjær 3 x 12 g@=1990, Fersk gjær 50 g@=690 |
Møllerens | Havregryn {v} | lettkokte, store, finvalsede | 1 kg=2490
Tilda | Basmati ris {v} | , fullkorn | 1 kg=5490
Toro | {v} | Pizzabunnmiks, Lompemiks, Potetmos, Sodd, Kjøttkakesaus, Grøtris | =2490
""",
    "Drikke": """
Solo | {v} | , Super, Rød, Appelsin Zero | 0,33 l=2190; 0,5 l=2990; 1,5 l=3990; 6 x 0,33 l=10990
Coca-Cola | {v} | , Zero Sugar, Light, Vanilla Zero | 0,33 l=2390; 0,5 l=3290; 1,5 l=4490; 6 x 0,33 l=11990
Pepsi | {v} | , Max, Max Lime | 0,33 l=2290; 0,5 l=3190; 1,5 l=4290; 6 x 0,33 l=10990
Fanta | {v} | Appelsin, Exotic, Lemon, Zero | 0,33 l=2290; 0,5 l=3190; 1,5 l=4290
Sprite | {v} | , Zero | 0,33 l=2290; 0,5 l=3190; 1,5 l=4290
Urge | {v} | , Zero | 0,5 l=3290; 1,5 l=4390; 0,33 l=2290
Mozell | {v} | , Zero | 0,5 l=3290; 1,5 l=4390; 0,33 l=2290
Mack | {v} | Julebrus, Sitronbrus, Appelsinbrus | 1,5 l=3990; 0,5 l=2990
Ringnes | {v} | Julebrus, Ginger Ale, Tonic Water, Sitronbrus | 1,5 l=3990; 0,5 l=2990
Farris | {v} | Naturell, Lime, Bris Sitron, Bris Eple, Bris Fersken, Bris Bringebær | 0,5 l=2590; 1,5 l=3490; 1 l=2990
Imsdal | {v} | Naturell, Sitron, Lime, Eple | 0,5 l=2390; 1,25 l=3290; 0,33 l=1990
Olden | {v} | Kildevann, Kildevann med kullsyre | 0,5 l=2290; 1,5 l=3190
Sunniva | {v} | Appelsinjuice, Eplejuice, Premium Appelsin, Tropisk juice, Appelsin uten fruktkjøtt | 1 l=3490; 0,25 l=1690; 1,5 l=4490
Lerum | Saft {v} | Solbær, Bringebær, Jordbær og rabarbra, Eple, Husholdning | 1 l=3690
Nora | Saft {v} | Solbær, Bringebær, Appelsin | 0,75 l=3290
Friele | {v} | Frokostkaffe filtermalt, Frokostkaffe kokmalt, Frokostkaffe hele bønner, Mørk filtermalt, Frokost Mild | 500 g=7490; 250 g=4490
Evergood | {v} | Classic filtermalt, Classic kokmalt, Dark Roast filtermalt, Classic hele bønner | 250 g=5490; 500 g=9490; 1 kg=17990
Joh. Johansson | {v} | Presskanne, Filtermalt, Kokmalt | 500 g=7990
Zoégas | {v} | Skånerost, Mollbergs Blandning, Intenzo | 450 g=7490
Dallmayr | Prodomo {v} | filtermalt, hele bønner | 500 g=8990
Friele | Kaffekapsler {v} | Espresso, Lungo, Frokost | 10 stk=4490
Lipton | {v} | Yellow Label te, Grønn te, Earl Grey | 25 poser=3490
Celsius | {v} | Sparkling Orange, Sparkling Wild Berry, Tropical Vibe | 0,355 l=2990
Battery | {v} | Original, No Calories, Cherry | 0,5 l=3290
Red Bull | {v} | Energy Drink, Sugarfree | 0,25 l=2990
Pepsi | Max {v} | Cherry, Mango | 0,5 l=3190
Tine | {v} | Iskaffe Latte, Iskaffe Mocca, Iste Fersken | 0,33 l=2990
Ringnes | Pilsner {v} | boks, flaske | 0,5 l=4290; 0,33 l=3290 !standard
Hansa | {v} | Pilsner, Bayer, IPA | 0,5 l=4390; 0,33 l=3290 !standard
Frydenlund | {v} | Pilsner, Bayer | 0,5 l=4190 !standard
Aass | {v} | Pilsner, Bayer, Bokkøl | 0,5 l=4590; 0,33 l=3390 !standard
Munkholm | Alkoholfri {v} | , lys | 0,33 l=2490
Tropicana | {v} | Appelsin, Eple, Multivitamin | 1 l=3990
Coca-Cola | {v} | Zero Sugar Lime, Cherry Zero, Zero Koffeinfri | 0,5 l=3290; 1,5 l=4490
Sunniva | Juiceshot {v} | Ingefær, Gurkemeie | =1990
Frydenlund | Alkoholfri {v} | Pils, IPA | 0,33 l=2290
Grans | {v} | Pils, Pale Ale | 0,5 l=4290 !standard
E.C. Dahls | {v} | Pils, IPA, Hveteøl | 0,5 l=4390 !standard
Mack | {v} | Pilsner, Bayer, Arctic Beer | 0,5 l=4290 !standard
Grevens | Cider {v} | Pære, Skogsbær, Eple | 0,5 l=3990 !standard
Twinings | {v} | Earl Grey, English Breakfast, Peppermint | 25 poser=3990
O'boy | {v} | Original, Lett | 500 g=4490
Isklar | {v} | Naturell, Lime | 0,5 l=2290; 1,5 l=3190
""",
    "Snacks og godteri": """
Freia | Melkesjokolade {v} | , med Daim, med Oreo, Frukt og nøtt, Hel nøtt, Salt karamell | 200 g=4990; 100 g=2990; 300 g=6490
Freia | {v} | Kvikk Lunsj@47 g=2290;3 x 47 g=5490, Smil@55 g=2190, Japp@36 g=1990, Firkløver@100 g=3290, Walters Mandler@100 g=3490, Non Stop@180 g=3990, Twist@300 g=7490, Kvikk Lunsj Xtra@63 g=2590
Nidar | {v} | Smash!@100 g=3290, Stratos@65 g=2190, Troika@66 g=2190, Bamsemums@210 g=3990, Laban@200 g=3490, Seigmenn@150 g=3290, Sjokoladebanan@200 g=3990, Crispo@210 g=3990
Brynild | {v} | Supermix, Sjokoladerosiner, Lakrismix, Søtt og salt, Nøttemiks med sjokolade | 180 g=3490
Haribo | {v} | Gullbamser, Starmix, Tangfastics, Maoam Bloxx, Lakrisal | 210 g=3490; 100 g=1990
Malaco | {v} | Gott & Blandat, Gott & Blandat Salt, Gott & Blandat Supersur | 160 g=3290
Ahlgrens | Bilar {v} | , Sursöta, Skumbilar | 125 g=2490
Cloetta | {v} | Kexchoklad@60 g=1990, Center@78 g=2290, Plopp@32 g=1490, Sportlunch@50 g=1990 |
Marabou | {v} | Melkesjokolade, Daim, Oreo, Schweizernøtt | 185 g=4490; 250 g=5490
Daim | {v} | Dobbel@56 g=2290, Pose@200 g=4490 |
Kinder | {v} | Bueno, Sjokolade 8 stk, Kinderegg, Maxi | =2490
Ritter Sport | {v} | Alpemelk, Hasselnøtt, Marsipan, Cornflakes, Yoghurt | 100 g=3290; 250 g=6490
Milka | {v} | Alpine Milk, Oreo, Daim, Hasselnøtt | 100 g=2990; 300 g=6990
Maarud | Potetgull {v} | Original, Paprika, Salt og pepper, Sour Cream & Onion, Lettsaltet | 250 g=4490; 100 g=2490; 40 g=1590
Sørlandschips | {v} | Havsalt, Spansk pepper, Sour Cream & Onion, Hvitløk & Rosmarin, Chili | 200 g=4290; 100 g=2490
Kims | {v} | Cheez Doodles, Ostepop, Saltstenger, Grillchips, Potetskruer, Snacksmiks | 160 g=3990; 300 g=5990
Estrella | {v} | Dillchips, Sourcream & Onion, Grill | 275 g=4490; 130 g=2490
OLW | {v} | Cheez Cruncherz, Sourcream & Onion | 275 g=4290
Lorenz | {v} | Crunchips Paprika, Crunchips Salt, Naturals | 150 g=3490
Ültje | Peanøtter {v} | saltet, honningristet, usaltet | 200 g=3490; 400 g=5990
Eldorado | {v} | Cashewnøtter, Mandler, Nøttemiks, Studentermat, Valnøtter | 200 g=3990; 400 g=6990
Sætre | {v} | Kokosboller, Krembanan, Sjokoladekjeks | =3290
Göteborgs | {v} | Kex, Rutan, Mariekex | =2490
Bahlsen | Leibniz {v} | Butterkeks, Choco | 200 g=3490
Kims | Popcorn {v} | Salt, Smør, Søt | 90 g=2490
Nidar | {v} | Favoritter@350 g=7990, Seigmenn sure@150 g=3290, Laban sur@200 g=3490, Stratos Sjokolade@200 g=4990, Bamsemums Kakao@210 g=3990 |
Kims | Tortilla Chips {v} | Naturell, Cheese, Sweet Chili | 200 g=3490
Pringles | {v} | Original, Sour Cream & Onion, Paprika | 165 g=3990
Polly | {v} | Original, Blå | 200 g=3490
Freia | {v} | Melkerull@1 stk=1990, Melkesjokolade Minis@150 g=4490, Kvikk Lunsj Minis@150 g=4490 |
""",
    "Personlig pleie": """
Colgate | Tannkrem {v} | Total, Max Fresh, Sensitive, Max White, Herbal | 75 ml=3990; 125 ml=5490; 2 x 75 ml=6990
Solidox | Tannkrem {v} | Original, Fluor Ekstra, Hvit, Sensitiv | 75 ml=3490
Zendium | Tannkrem {v} | Complete, Sensitive, Kids | 75 ml=3990
Jordan | Tannbørste {v} | Soft, Medium, Clean Between, Kids 0-2 år, Kids 3-5 år | =2990; 2 stk=4990
Jordan | {v} | Tanntråd, Tannstikker, Mellomromsbørster | =3490
Define | Sjampo {v} | Normalt hår, Tørt hår, Farget hår, Volum, Anti-flass | 250 ml=4990
Define | Balsam {v} | Normalt hår, Tørt hår, Farget hår | 200 ml=4990
Head & Shoulders | Sjampo {v} | Classic Clean, Citrus Fresh, Menthol | 250 ml=5990
Lano | {v} | Hudkrem, Såpe 2 x 125 g, Flytende såpe, Bodylotion | =3990
Dove | {v} | Dusjsåpe Original, Dusjsåpe Sensitive, Deodorant Original, Deodorant Invisible Dry | 250 ml=4490
Barnängen | {v} | Dusjsåpe Original, Dusjsåpe Havre, Intensiv Hudkrem | 250 ml=4290
Nivea | {v} | Creme, Soft, Men Creme, Sun Spray SPF 30, Leppepomade, Deo Dry Comfort | =5490
Sebamed | {v} | Dusjsåpe, Ansiktsvask, Lotion | 200 ml=7990
Schwarzkopf | {v} | Taft Hårspray, Got2b Hårvoks, Gliss Kur Sjampo | =6990
Libero | Bleier {v} | Comfort 3, Comfort 4, Comfort 5, Comfort 6, Up&Go 5, Up&Go 6, Touch 2 | =14990
Libero | {v} | Våtservietter, Badekrem | =3990
Libresse | {v} | Bind Normal, Bind Ultra, Truseinnlegg, Tamponger Normal | =3990
Salvequick | Plaster {v} | Textil, Vannfaste, Barn | =3990
Gillette | {v} | Mach3 barberblader 4 stk@=12990, Fusion5 barberblader 4 stk@=18990, Barberskum 200 ml@=4490, Barbergel 200 ml@=5490 |
Neutral | {v} | Deodorant roll-on, Dusjsåpe, Håndkrem | =4490
Zendium | Munnskyll {v} | Original, Fresh | 500 ml=5990
Balea | {v} | Vattpads, Bomullspinner | =1990
Sensodyne | Tannkrem {v} | Original, Fluor, Repair & Protect | 75 ml=5490
Elvital | Sjampo {v} | Total Repair, Color Vive, Dream Long | 250 ml=5490
Lano | Baby {v} | Sjampo, Lotion, Bodyvask | =4490
Neutral | Baby {v} | Våtservietter, Lotion | =3990
Axe | Deospray {v} | Africa, Dark Temptation, Black | 150 ml=5990
Rexona | Deo {v} | Cotton Dry, Invisible, Men Active | 150 ml=4990
""",
    "Husholdning": """
Lotus | Toalettpapir {v} | Soft, Comfort, Soft Økologisk | 8 rl=6990; 16 rl=11990
Lotus | Tørkepapir {v} | Ultra, Allround | 4 rl=5490
Lambi | {v} | Toalettpapir 8 rl, Tørkerull 4 rl, Servietter 50 stk | =6490
Zalo | Oppvaskmiddel {v} | Ultra, Sitrus, Sensitiv, Eple | 500 ml=3490; 1 l=5490
Sun | {v} | Maskinoppvask All in 1 tabs@40 stk=10990, Glansemiddel@500 ml=4990, Maskinsalt@2 kg=3490 |
Somat | {v} | Gold Tabs, Classic Tabs | =10990
Pril | Oppvaskmiddel {v} | Original, Lime | 500 ml=3290
Omo | Vaskemiddel {v} | Color, Hvitt, Sensitive, Active | 1,2 kg=8990; 2,5 l=12990
Milo | Tøymykner {v} | Original, Sensitiv, Fresh | 750 ml=4490
Jif | {v} | Kremrengjøring, Baderom spray, Kjøkken spray | =3990
Krystal | {v} | Grønnsåpe, Såpespray, Allrengjøring | 750 ml=4490
Klorin | {v} | Original, Fresh, Spray | 750 ml=3990
Glassex | {v} | Vindusspray, Allrent | 500 ml=4490
Toppits | {v} | Aluminiumsfolie 20 m, Plastfolie 30 m, Fryseposer 3 l, Bakepapir 10 m, Matpapir | =3990; stor=6990
Tempo | {v} | Lommetørkle 10 pk, Ansiktsservietter | =2990
Varta | Batterier {v} | AA 4 pk, AAA 4 pk, 9V, CR2032 | =6990
Duni | {v} | Kronelys hvite 8 stk, Telys 30 stk, Servietter 3-lags, Papptallerkener | =4990
Whiskas | Kattemat {v} | Kylling i saus, Fisk i gelé, Tørrfôr Laks | =4990
Pedigree | Hundemat {v} | Biff, Kylling, Dentastix | =5990
Purina | Felix kattemat {v} | Utvalg i gelé, Kjøttutvalg | 12 x 85 g=7990
First Price | {v} | Søppelposer 30 l, Søppelposer 120 l, Matavfallsposer | =3490
Vileda | {v} | Oppvaskbørste, Klut 3 stk, Svamp 3 stk, Gulvklut | =3990
Lotus | Servietter {v} | hvite, røde, grønne | 50 stk=2990
Toppits | {v} | Fryseposer 1 l, Fryseposer 2 l, Grillfolie, Stekepose, Lynlåsposer 1 l | =3490
Ajax | {v} | Allrengjøring Citrus, Vindusvask, Baderom | =3990
Finish | {v} | Powerball Tabs 30 stk, Maskinrens, Glansemiddel | =8990
Via | Vaskemiddel {v} | Color, White, Sensitive | 1,2 kg=8990
Milo | Vaskemiddel {v} | Color, White, Sensitiv | 1 l=6990
Philips | LED-pære {v} | E27 60 W, E14 40 W, GU10 | =5990
 | {v} | Grillkull 2,5 kg@=6990, Tennbriketter@=3490, Engangsgrill@=4990, Tennvæske 1 l@=4990 |
""",
    "Kiosk og blomster": """
 | {v} | Tulipaner 10 stk@=14990, Roser røde 10 stk@=19990, Roser hvite 10 stk@=19990, Blomsterbukett liten@=19990, Blomsterbukett stor@=34990, Orkidé i potte@=24990, Julestjerne i potte@=12990, Hyasint i potte@=3990, Pelargonia i potte@=7990, Gerbera 5 stk@=9990, Kongler og lyng i kurv@=14990, Sukkulent i potte@=5990 |
General | Snus {v} | Original Portion, White Portion, Mini Portion | =11900
Göteborgs Rapé | Snus {v} | White Portion, Original Portion | =11900
Swedish Match | {v} | Catch White Portion, Nick & Johnny Strong | =11900
Extra | Tyggegummi {v} | Peppermint, Spearmint, White, Ice Wintergreen | =1890
Läkerol | {v} | Original, Salvi, Eucalyptus, Cassis | 25 g=1990
Fisherman's Friend | {v} | Original, Mint, Cherry | 25 g=2290
Clipper | Lighter {v} | , stor | =2490
General | {v} | G.3 Extra Strong, Classic White, Nordic Mint | =11900
Stimorol | {v} | Wild Cherry, Spearmint | =1890
 | {v} | Pølse i brød@=3500, Pølse i lompe@=3000, Kaffe 0,3 l@=2900, Kaffe 0,5 l@=3500, Kanelbolle@=2900, Baguette med skinke og ost@=5900 | !food
""",
}

# Newspapers (0 % VAT; ISSN-based 977 barcodes) and books (0 % VAT; ISBN 978).
NEWSPAPERS = [
    ("Aftenposten", 5000), ("VG", 4500), ("Dagbladet", 4500), ("Dagens Næringsliv", 6000),
    ("Bergens Tidende", 4500), ("Adresseavisen", 4500), ("Stavanger Aftenblad", 4500),
    ("Klassekampen", 5000), ("Morgenbladet", 6900), ("Vårt Land", 4500), ("Finansavisen", 6000),
]
BOOKS = [
    ("Henrik Ibsen Et dukkehjem pocket", 14900), ("Knut Hamsun Sult pocket", 16900),
    ("Sigrid Undset Kransen pocket", 17900), ("Asbjørnsen og Moe Norske folkeeventyr", 29900),
    ("Kryssordbok for hele familien", 19900), ("Sudoku for alle 2026", 12900),
]

# Weighed items: name, price per kg in øre, PLU, department.
WEIGHED: list[tuple[str, int, str, str]] = [
    ("Bananer", 2790, "4011", "Frukt og grønt"),
    ("Epler røde", 3490, "4015", "Frukt og grønt"),
    ("Epler grønne", 3490, "4017", "Frukt og grønt"),
    ("Epler Pink Lady", 4490, "4130", "Frukt og grønt"),
    ("Pærer", 3990, "4409", "Frukt og grønt"),
    ("Appelsiner", 2990, "4012", "Frukt og grønt"),
    ("Klementiner", 3490, "4450", "Frukt og grønt"),
    ("Sitroner", 3990, "4053", "Frukt og grønt"),
    ("Lime", 4990, "4048", "Frukt og grønt"),
    ("Kiwi", 4490, "4030", "Frukt og grønt"),
    ("Mango", 4990, "4051", "Frukt og grønt"),
    ("Avokado", 5990, "4046", "Frukt og grønt"),
    ("Nektariner", 4990, "4036", "Frukt og grønt"),
    ("Plommer", 4990, "4040", "Frukt og grønt"),
    ("Druer grønne", 6990, "4022", "Frukt og grønt"),
    ("Vannmelon", 2490, "4032", "Frukt og grønt"),
    ("Honningmelon", 2990, "4331", "Frukt og grønt"),
    ("Tomater", 4490, "4064", "Frukt og grønt"),
    ("Tomater på stilk", 5490, "4664", "Frukt og grønt"),
    ("Paprika rød", 5990, "4088", "Frukt og grønt"),
    ("Paprika gul", 5990, "4689", "Frukt og grønt"),
    ("Paprika grønn", 4990, "4065", "Frukt og grønt"),
    ("Løk gul", 1990, "4093", "Frukt og grønt"),
    ("Løk rød", 2490, "4082", "Frukt og grønt"),
    ("Hvitløk", 8990, "4608", "Frukt og grønt"),
    ("Ingefær", 7990, "4612", "Frukt og grønt"),
    ("Gulrøtter", 1990, "4562", "Frukt og grønt"),
    ("Poteter", 1790, "4072", "Frukt og grønt"),
    ("Søtpoteter", 3490, "4816", "Frukt og grønt"),
    ("Kålrot", 1990, "4747", "Frukt og grønt"),
    ("Hodekål", 1690, "4069", "Frukt og grønt"),
    ("Purre", 3490, "4629", "Frukt og grønt"),
    ("Sjampinjong", 7990, "4645", "Frukt og grønt"),
    ("Rødbeter", 2490, "4539", "Frukt og grønt"),
    ("Pastinakk", 3990, "4672", "Frukt og grønt"),
    ("Sellerirot", 3490, "4585", "Frukt og grønt"),
    ("Squash", 3990, "4067", "Frukt og grønt"),
    ("Reker kokte fra disk", 16990, "1101", "Fisk og sjømat"),
    ("Laksefilet fra disk", 24990, "1102", "Fisk og sjømat"),
    ("Torskefilet fra disk", 22990, "1103", "Fisk og sjømat"),
    ("Røkt laks fra disk", 34990, "1104", "Fisk og sjømat"),
    ("Kjøttdeig fra disk", 16990, "1201", "Kjøtt og fjærkre"),
    ("Entrecôte fra disk", 44990, "1202", "Kjøtt og fjærkre"),
    ("Kokt skinke oppskåret", 22990, "1203", "Kjøtt og fjærkre"),
    ("Spekeskinke oppskåret", 34990, "1204", "Kjøtt og fjærkre"),
    ("Italiensk salat", 12990, "1205", "Kjøtt og fjærkre"),
    ("Potetsalat", 7990, "1206", "Kjøtt og fjærkre"),
    ("Oliven fra disk", 19990, "1301", "Tørrvarer"),
    ("Norvegia fra disk", 13990, "1302", "Meieri og egg"),
    ("Brunost fra disk", 17990, "1303", "Meieri og egg"),
    ("Smågodt blandet", 14900, "2001", "Snacks og godteri"),
    ("Smågodt sjokolade", 14900, "2002", "Snacks og godteri"),
    ("Smågodt sure", 14900, "2003", "Snacks og godteri"),
    ("Smågodt lakris", 14900, "2004", "Snacks og godteri"),
    ("Smågodt skum", 14900, "2005", "Snacks og godteri"),
    ("Smågodt vingummi", 14900, "2006", "Snacks og godteri"),
    ("Smågodt sukkerfritt", 17900, "2007", "Snacks og godteri"),
    ("Nøtter løsvekt", 19900, "2101", "Snacks og godteri"),
    ("Tørket frukt løsvekt", 17900, "2102", "Snacks og godteri"),
    ("Kaffebønner løsvekt", 29900, "2201", "Drikke"),
]

# Items that must exist (and are flagged) for the quick keys: the things scanned a hundred
# times a day or that have no barcode at all.
QUICK_KEYS = [
    "Bananer", "Epler røde", "Epler grønne", "Appelsiner", "Klementiner", "Sitroner", "Avokado",
    "Tomater", "Bama Agurk", "Paprika rød", "Løk gul", "Poteter", "Gulrøtter", "Smågodt blandet",
    "Tine Lettmelk 1 l", "Tine Helmelk 1 l", "Tine Ekstra lett melk 1 l",
    "Prior Egg frittgående 12 stk", "Tine Smør normalsaltet 500 g", "Tine Norvegia 26 % ca 1 kg",
    "Bakehuset Kneippbrød 750 g", "Bakehuset Grovbrød 750 g", "Bakers Loff 500 g",
    "Bakehuset Rundstykker 6 stk", "Bakehuset Skolebolle 2 stk",
    "Gilde Kjøttdeig 14 % 400 g", "Gilde Grillpølser 600 g", "Grandiosa Original 575 g",
    "Solo 1,5 l", "Coca-Cola 1,5 l", "Coca-Cola Zero Sugar 0,5 l", "Farris Naturell 1,5 l",
    "Friele Frokostkaffe filtermalt 500 g", "Freia Melkesjokolade 200 g",
    "Freia Kvikk Lunsj 47 g", "Maarud Potetgull Original 250 g", "Bærepose plast",
    "Bærepose papir", "Aftenposten", "VG", "Tulipaner 10 stk",
]

EXTRA_ITEMS = [  # name, price, department, vat override or ""
    ("Bærepose plast", 300, "Husholdning", ""),
    ("Bærepose papir", 400, "Husholdning", ""),
    ("Bærepose gjenbruk", 1990, "Husholdning", ""),
    ("Fryseposer 1 l 50 stk", 2990, "Husholdning", ""),
]


@dataclass
class Product:
    department: str
    brand: str
    name: str
    price_minor: int
    vat_code: str
    sold_by: str = "unit"
    plu: str = ""
    gtins: tuple[str, ...] = ()
    quick_key: bool = False


def parse_templates() -> list[Product]:
    vat_of = {name: vat for _, name, vat in DEPARTMENTS}
    out: list[Product] = []
    for department, block in TEMPLATES.items():
        for raw in block.strip().splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            vat = vat_of[department]
            if line.endswith("!standard"):
                vat, line = "standard", line.removesuffix("!standard").strip()
            elif line.endswith("!food"):
                vat, line = "food", line.removesuffix("!food").strip()
            elif line.endswith("!zero"):
                vat, line = "zero", line.removesuffix("!zero").strip()
            fields = [p.strip() for p in line.split("|")]
            brand, pattern, variants_text = fields[:3]
            sizes_text = fields[3] if len(fields) > 3 else ""
            default_sizes = _sizes(sizes_text)
            # ", " separates variants; a decimal comma ("1,5 l") has no space after it.
            variants = variants_text.split(", ") if "{v}" in pattern else [""]
            for variant in variants:
                variant_name, _, own_sizes = variant.partition("@")
                sizes = _sizes(own_sizes) if own_sizes else default_sizes
                words = pattern.replace("{v}", variant_name.strip())
                for size, price in sizes:
                    name = " ".join(part for part in (brand, words, size) if part)
                    out.append(Product(department, brand, " ".join(name.split()), price, vat))
    return out


def _sizes(text: str) -> list[tuple[str, int]]:
    sizes = []
    for item in text.split(";"):
        if item.strip():
            size, price = item.rsplit("=", 1)  # "=2990": no size in the name
            sizes.append((size.strip(), int(price)))
    return sizes


def shelf_price(base: int, rng: random.Random) -> int:
    """A base price nudged by a few percent and given a shelf ending: mostly ,90, some ,00."""
    kroner = max(1, round(base * rng.uniform(0.9, 1.1) / 100))
    roll = rng.random()
    if roll < 0.82:
        return kroner * 100 - 10  # 24,90
    if roll < 0.95:
        return kroner * 100  # 25,00
    return kroner * 100 - 50  # 24,50


class GtinFactory:
    """Unique GTINs with valid check digits, sharing a company prefix per brand."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.company: dict[str, str] = {}
        self.next_item: dict[str, int] = {}

    def _company_prefix(self, brand: str) -> str:
        if brand not in self.company:
            if brand in SWEDISH:
                country = "73"
            elif brand in ITALIAN:
                country = "80"
            elif brand in GERMAN:
                country = str(self.rng.randint(40, 44))
            else:
                country = "70"
            while True:
                prefix = country + f"{self.rng.randrange(10**5):05d}"
                if prefix not in self.company.values():
                    break
            self.company[brand] = prefix
            self.next_item[brand] = self.rng.randrange(100, 5000)
        return self.company[brand]

    def ean13(self, brand: str) -> str:
        prefix = self._company_prefix(brand)
        while True:
            self.next_item[brand] += self.rng.randint(1, 17)
            body = prefix + f"{self.next_item[brand] % 10**5:05d}"
            code = body + ean.calc_check_digit(body)
            if code not in self.used:
                self.used.add(code)
                return code

    def ean8(self, brand: str) -> str:
        country = "73" if brand in SWEDISH else "70"
        while True:
            body = country + f"{self.rng.randrange(10**5):05d}"
            code = body + ean.calc_check_digit(body)
            if code not in self.used:
                self.used.add(code)
                return code

    def with_prefix(self, prefix: str) -> str:
        while True:
            body = prefix + "".join(str(self.rng.randrange(10)) for _ in range(12 - len(prefix)))
            code = body + ean.calc_check_digit(body)
            if code not in self.used:
                self.used.add(code)
                return code


EAN8_BRANDS = {"Extra", "Läkerol", "Fisherman's Friend", "Clipper", "Cloetta", "Daim"}


def build() -> list[Product]:
    rng = random.Random(SEED)
    products = parse_templates()
    # Each name once (a template can produce the same words twice), keeping the first.
    seen: set[str] = set()
    unique = []
    for product in products:
        if product.name not in seen:
            seen.add(product.name)
            unique.append(product)
    weighed_count = len(WEIGHED)
    fixed = len(NEWSPAPERS) + len(BOOKS) + len(EXTRA_ITEMS)
    room = TARGET_ROWS - weighed_count - fixed
    if len(unique) > room:  # trim evenly, never a quick-key item
        keep = {p.name for p in unique if p.name in QUICK_KEYS}
        droppable = [p for p in unique if p.name not in keep]
        drop = set(id(p) for p in rng.sample(droppable, len(unique) - room))
        unique = [p for p in unique if id(p) not in drop]

    gtins = GtinFactory(rng)
    for product in unique:
        product.price_minor = shelf_price(product.price_minor, rng)
        if product.brand in EAN8_BRANDS:
            product.gtins = (gtins.ean8(product.brand),)
        else:
            codes = [gtins.ean13(product.brand)]
            if rng.random() < 0.05:  # a second code: an older packaging or a promotion pack
                codes.append(gtins.ean13(product.brand))
            product.gtins = tuple(codes)
    for name, price in NEWSPAPERS:
        issn_code = gtins.with_prefix("977")
        unique.append(Product("Kiosk og blomster", name, name, price, "zero", gtins=(issn_code,)))
    for name, price in BOOKS:
        unique.append(
            Product("Kiosk og blomster", "", name, price, "zero", gtins=(gtins.with_prefix("978"),))
        )
    for name, price, department, vat in EXTRA_ITEMS:
        vat_code = vat or dict((n, v) for _, n, v in DEPARTMENTS)[department]
        unique.append(Product(department, "", name, price, vat_code, gtins=(gtins.ean13(""),)))
    for name, price, plu, department in WEIGHED:
        unique.append(Product(department, "", name, price, "food", sold_by="weight", plu=plu))

    names = {p.name for p in unique}
    missing = [name for name in QUICK_KEYS if name not in names]
    if missing:
        raise SystemExit(f"quick-key items not in the catalog: {missing}")
    for product in unique:
        product.quick_key = product.name in QUICK_KEYS
    order = {name: number for number, name, _ in DEPARTMENTS}
    unique.sort(key=lambda p: (order[p.department], p.sold_by != "weight", p.name.casefold()))
    return unique


def render(products: list[Product]) -> dict[str, str]:
    """The two CSV files' text, by file name."""
    order = {name: number for number, name, _ in DEPARTMENTS}
    counters: dict[int, int] = {}
    catalog = io.StringIO()
    writer = csv.writer(catalog, lineterminator="\n")
    writer.writerow(COLUMNS)
    for product in products:
        number = order[product.department]
        counters[number] = counters.get(number, 0) + 1
        writer.writerow(
            [
                f"{number:02d}{counters[number]:04d}",
                "|".join(product.gtins),
                product.name,
                product.department,
                product.price_minor,
                product.vat_code,
                product.sold_by,
                product.plu,
                int(product.quick_key),
            ]
        )
    departments = io.StringIO()
    writer = csv.writer(departments, lineterminator="\n")
    writer.writerow(["department_id", "name", "default_vat_code"])
    for number, name, vat in DEPARTMENTS:
        writer.writerow([number, name, vat])
    return {"sample_catalog.csv": catalog.getvalue(), "departments.csv": departments.getvalue()}


def write(products: list[Product], directory: Path = HERE) -> None:
    for name, text in render(products).items():
        (directory / name).write_text(text, encoding="utf-8", newline="")


def main() -> None:
    products = build()
    write(products)
    weighed = sum(p.sold_by == "weight" for p in products)
    print(f"wrote {len(products)} products ({weighed} by weight) to {HERE / 'sample_catalog.csv'}")


if __name__ == "__main__":
    main()

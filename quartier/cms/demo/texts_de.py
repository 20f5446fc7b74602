"""German demo texts, written for this project. Facts from shared/osnabrueck.md."""

HOME_TITLE = "Stadtquartiere und Quartiersarbeit"
HOME_INTRO = (
    "Osnabrück besteht aus vielen kleinen Welten: alte Straßenzüge, neue Wohnhäuser, "
    "Einkaufsstraßen und Treffpunkte für Kultur. In unseren Stadtquartieren arbeiten Menschen "
    "aus der Nachbarschaft, Vereine, Geschäfte und die Stadt gemeinsam daran, dass man dort gut "
    "leben kann. Hier sehen Sie, was in Ihrem Quartier passiert und wie Sie mitmachen können."
)

WHAT_IS_A_QUARTER = (
    "<p>Ein <b>Quartier</b> ist ein kleines Gebiet in der Stadt mit eigenem Charakter. Oft ist es "
    "kleiner als ein Stadtteil und geht manchmal über Stadtteilgrenzen hinweg. Seine Grenze legen "
    "nicht Statistiken fest, sondern die Menschen, die dort leben und arbeiten, gemeinsam mit der Stadt.</p>"
    "<p><b>Quartiersarbeit</b> heißt: Wir verbessern gemeinsam das Leben im Quartier. Ein Team vor Ort "
    "hört zu, bringt Menschen zusammen, plant mit der Nachbarschaft und holt Fördergeld von Bund, Land "
    "und Stadt ins Quartier.</p>"
)

THEMES_HEADING = "Worum es in der Quartiersarbeit geht"
THEMES = [
    (
        "Bessere Wege, Plätze und Gebäude",
        "Straßen, Unterführungen und Plätze werden sicherer und schöner. Eigentümer*innen bekommen Hilfe beim Modernisieren.",
        "Maßnahmen im Sanierungsgebiet Schinkel",
        "/massnahmen/schinkel/",
    ),
    (
        "Grünflächen und Parks",
        "Neue Spielplätze, Gärten und grüne Plätze entstehen, oft zusammen mit Kindern und Nachbarschaft geplant.",
        "Alle Maßnahmen in den Quartieren",
        "/massnahmen/",
    ),
    (
        "Soziale und kulturelle Angebote",
        "Treffpunkte, Beratung, Hausaufgabenhilfe, Sprachcafés und Feste: Angebote für alle Generationen.",
        "Was ist los im Quartier?",
        "/veranstaltungen/",
    ),
    (
        "Lokale Wirtschaft und Gewerbeflächen",
        "Geschäfte, Handwerk und Gastronomie im Quartier werden gestärkt; leere Läden finden neue Nutzungen.",
        "Geschäfte und freie Gewerbeflächen",
        "/wirtschaft/",
    ),
    (
        "Alle an einen Tisch",
        "Bewohner*innen, Geschäfte, Vereine und Einrichtungen planen und entscheiden gemeinsam, etwa am Runden Tisch oder in der Schinkelrunde.",
        "Ideen einbringen und mitreden",
        "/mitmachen/ideen/",
    ),
    (
        "Zusammenhalt und Mitmachen",
        "Menschen jeden Alters, jeder Herkunft und Sprache sind willkommen: bei Nachbarschaftsfesten, in Treffpunkten, beim Lernen, in der Freizeit und im Ehrenamt.",
        "Ehrenamt und Nachbarschaftshilfe",
        "/engagement/",
    ),
    (
        "Vereine und Einrichtungen",
        "Vereine, Schulen, Kitas, Kirchengemeinden und Initiativen stellen sich vor und suchen Mitstreiter*innen.",
        "Akteure im Quartier finden",
        "/akteure/",
    ),
    (
        "Geld für Ideen aus der Nachbarschaft",
        "Aus dem Verfügungsfonds gibt es Geld für kleine Projekte, die das Quartier schnell und sichtbar besser machen.",
        "Verfügungsfonds: so geht der Antrag",
        "/verfuegungsfonds/",
    ),
]

QUARTERS_INDEX_TITLE = "Quartiere"
QUARTERS_INDEX_INTRO = (
    "Vier Quartiere, vier Geschichten. Wählen Sie ein Quartier, um mehr zu erfahren."
)

QUARTERS = {
    "dodesheide": {
        "teaser": "Ein junges, vielsprachiges Quartier im Osten: Treffpunkt, Beratung und Spielplatz für Familien.",
        "intro": (
            "Nach dem Abzug der britischen Streitkräfte zogen viele Familien nach Dodesheide-Ost. "
            "Seit Ende 2012 gibt es hier einen Quartierstreff für Kinder, Jugendliche und Familien."
        ),
        "body": [
            ("heading", "Was das Quartier ausmacht"),
            (
                "paragraph",
                "<p>In Dodesheide-Ost leben Menschen aus mehr als 40 Nationen, darunter über 70 Familien aus Syrien "
                "(Stand 2017). Rund um den Limberg stehen die früheren Wohnungen der britischen Streitkräfte; das "
                "70 Hektar große Gelände der ehemaligen Limberg-Kaserne wurde 2009 übergeben.</p>",
            ),
            ("heading", "Der Quartierstreff"),
            (
                "paragraph",
                "<p>Im Erdgeschoss am Dodeshausweg 73 hat die Stadt einen Treffpunkt eingerichtet. Das Team der "
                "Mobilen Jugendarbeit berät, vermittelt und lädt ein. 2016 nutzten fast 2.900 Menschen die Angebote. "
                "Montags gibt es Beratung auch auf Arabisch und Türkisch.</p>",
            ),
            (
                "facts",
                {
                    "caption": "Dodesheide-Ost in Zahlen",
                    "rows": [
                        ("Nationen im Quartier", "über 40"),
                        ("Besuche im Quartierstreff 2016", "fast 2.900"),
                        ("Wohnungen Am Limberg (2017)", "685"),
                        ("Gäste beim Anwohnerfest 2016", "etwa 300"),
                    ],
                    "source": "NOZ 2017; Quartierstreff 2016",
                },
            ),
            ("heading", "Netzwerk und Feste"),
            (
                "paragraph",
                "<p>Seit 2013 treffen sich Schulen, Vereine, Einrichtungen und städtische Dienste im Netzwerk "
                "Dodesheide-Ost. Jedes Jahr feiert die Nachbarschaft ihr Anwohnerfest am Bierbaumsweg, wo der "
                "Spielplatz mit Ritterburg und Bolzplatz liegt.</p>",
            ),
            (
                "quote",
                {
                    "text": "Hier kennt man sich. Und wer neu ist, lernt schnell Leute kennen.",
                    "attribution": "Stimme aus der Nachbarschaft (Demo)",
                },
            ),
            (
                "call_to_action",
                {
                    "title": "Vorbeikommen",
                    "text": "Der Quartierstreff ist für alle offen. Sie brauchen keinen Termin.",
                    "link_text": "Kontakt aufnehmen",
                    "url": "/kontakt/",
                },
            ),
        ],
        "news": [
            (
                "anwohnerfest-am-bierbaumsweg",
                "Anwohnerfest am Bierbaumsweg",
                40,
                "Musik, Essen aus vielen Ländern und Spiele für Kinder: Die Nachbarschaft lädt wieder ein (Demo-Nachricht).",
            ),
            (
                "beratung-auch-auf-arabisch",
                "Beratung auch auf Arabisch und Türkisch",
                75,
                "Montags helfen wir bei Briefen, Anträgen und Fragen zum Alltag, auf Wunsch in Ihrer Sprache (Demo-Nachricht).",
            ),
        ],
    },
    "rosenplatz": {
        "teaser": "15 Jahre Soziale Stadt: ein neuer Platz, ein Runder Tisch und ein Lichterfest, das die Nachbarschaft weiterträgt.",
        "intro": (
            "Von 2001 bis 2016 war das Quartier rund um den Rosenplatz ein Gebiet der Sozialen Stadt. "
            "Die Förderung ist vorbei, doch vieles lebt weiter: der Runde Tisch, der Quartierstreff und "
            "„Lichter in den Höfen“."
        ),
        "body": [
            ("heading", "Was erreicht wurde"),
            (
                "paragraph",
                "<p>Das Quartier mit etwa 7.700 Menschen in 5.300 Wohnungen liegt am Rand von Innenstadt, Fledder, "
                "Schölerberg und Wüste. Das sichtbarste Ergebnis ist der Rosenplatz selbst: 2005 gewann ein Entwurf "
                "den Ideenwettbewerb, nach rund einem Jahr Bauzeit wurde der Platz am 11. Juli 2012 neu eröffnet "
                "(rund 10.500 m², etwa 3,5 Millionen Euro). Auf einer früheren Gärtnerei entstanden die Rosengärten "
                "mit Häusern für Familien.</p>",
            ),
            (
                "facts",
                {
                    "caption": "Rosenplatz in Zahlen",
                    "rows": [
                        ("Gebietsgröße", "etwa 68 ha"),
                        ("Förderzeit", "2001 bis Mitte 2016"),
                        ("Neuer Platz", "10.500 m², eröffnet 11.07.2012"),
                        ("Kosten des Platzes", "etwa 3,5 Mio. €"),
                    ],
                    "source": "GfS; NUSO-Zeitungsarchiv",
                },
            ),
            ("heading", "Was bleibt"),
            (
                "paragraph",
                "<p>Das Stadtteilbüro in der Iburger Straße 23 schloss Ende Mai 2016. Der Quartierstreff in der "
                "Iburger Straße 24–26 ist geblieben. Beim Fest „Lichter in den Höfen“ öffnen Nachbar*innen ihre Höfe "
                "und Gärten; 2019 fand es zum neunten Mal an 19 Orten statt.</p>",
            ),
            ("heading", "Wer weitermacht"),
            (
                "paragraph",
                "<p>Der Runde Tisch Rosenplatz trifft sich seit März 2006 und auch nach dem Ende der Förderung. "
                "Er ist nicht gewählt und kein Verein, sondern ein offenes Treffen. Etwa 15 Menschen bilden den "
                "festen Kern. Neue Gesichter sind willkommen.</p>",
            ),
            (
                "quote",
                {
                    "text": "Die Förderung hört auf. Die Nachbarschaft nicht.",
                    "attribution": "Runder Tisch (Demo-Zitat)",
                },
            ),
        ],
        "news": [
            (
                "lichter-in-den-hoefen",
                "Lichter in den Höfen: Höfe gesucht",
                30,
                "Wer seinen Hof oder Garten für einen Abend öffnen möchte, meldet sich beim Runden Tisch (Demo-Nachricht).",
            ),
            (
                "runder-tisch-trifft-sich",
                "Der Runde Tisch trifft sich",
                60,
                "Offenes Treffen im Quartierstreff: Themen sind Sauberkeit am Platz und das nächste Fest (Demo-Nachricht).",
            ),
        ],
    },
    "schinkel": {
        "teaser": "Ein Sanierungsgebiet im Wandel: Hasepark, Unterführung und ein grüner Pastor-Karwehl-Platz.",
        "intro": (
            "Seit August 2018 ist der Schinkel im Programm „Sozialer Zusammenhalt“. Auf gut 94 Hektar mit "
            "etwa 8.500 Menschen erneuern Stadt, Bewohnerschaft und Partner das Quartier, unter dem Motto "
            "„Viele Farben, eine Heimat, UNSER SCHINKEL“."
        ),
        "body": [
            ("heading", "Was ein Sanierungsgebiet bedeutet"),
            (
                "paragraph",
                "<p>Die Stadt hat den Schinkel förmlich als Sanierungsgebiet festgelegt. Das bringt Fördergeld: etwa "
                "15 Millionen Euro über zehn Jahre, je ein Drittel von Bund, Land und Stadt. Für Eigentümer*innen gibt "
                "es Zuschüsse zur Modernisierung: seit 1. Januar 2024 bis zu 100.000 Euro brutto je Gebäude.</p>",
            ),
            ("heading", "Was schon passiert ist"),
            (
                "paragraph",
                "<p>Der Großspielplatz im Hasepark wurde mit Kindern des Horts „Schinkelkids“ in einer "
                "Zukunftswerkstatt geplant und am 9. Dezember 2020 eröffnet, mit Calisthenics und inklusiven "
                "Spielgeräten. Die Bahnunterführung Thomasburgstraße wurde neu gestaltet; die Bahnlinie teilt den "
                "Schinkel in Nord und Süd.</p>",
            ),
            (
                "facts",
                {
                    "caption": "Schinkel in Zahlen",
                    "rows": [
                        ("Sanierungsgebiet", "94,01 ha"),
                        ("Einwohner*innen", "etwa 8.500"),
                        ("Fördermittel", "etwa 15 Mio. € über zehn Jahre"),
                        ("Bundesmittel Pastor-Karwehl-Platz", "1.812.200 € (85 %)"),
                        ("Verfügungsfonds", "5.000 € im Jahr, bis 1.000 € je Projekt"),
                    ],
                    "source": "Stadt Osnabrück; NOZ 2018",
                },
            ),
            ("heading", "Was kommt"),
            (
                "paragraph",
                "<p>Der Pastor-Karwehl-Platz, heute rund 4.000 m² versiegelt und Ort des Wochenmarkts, wird ein grüner "
                "„Schwammstadt“-Platz. Dafür kommen 1.812.200 Euro aus dem Bundesprogramm zur Anpassung urbaner Räume "
                "an den Klimawandel.</p>",
            ),
            ("heading", "Mitreden"),
            (
                "paragraph",
                "<p>Einmal im Jahr lädt die <b>Schinkelrunde</b> alle ein: Bewohner*innen, Gewerbe, Mieter*innen und "
                "Eigentümer*innen. Sie wählt Mitglieder in den Sanierungsbeirat. Aus dem Verfügungsfonds gibt es bis zu "
                "1.000 Euro für Ideen aus der Nachbarschaft.</p>",
            ),
            (
                "call_to_action",
                {
                    "title": "Fragen zum Sanierungsgebiet?",
                    "text": "Das Stadtteilbüro berät Mieter*innen und Eigentümer*innen.",
                    "link_text": "Kontakt aufnehmen",
                    "url": "/kontakt/",
                },
            ),
        ],
        "news": [
            (
                "schinkelrunde",
                "Schinkelrunde im Heinz-Fitschen-Haus",
                20,
                "Offenes Forum im Heiligenweg 40, von 19 bis 21 Uhr: Was ist geschafft, was kommt als Nächstes? (Demo-Nachricht)",
            ),
            (
                "modernisierung-beratung",
                "Beratung zur Modernisierung",
                50,
                "Eigentümer*innen erfahren im Stadtteilbüro, welche Zuschüsse es gibt (Demo-Nachricht).",
            ),
            (
                "hasepark-fuenf-jahre",
                "Fünf Jahre Großspielplatz Hasepark",
                400,
                "Der Spielplatz wurde im Dezember 2020 eröffnet. Kinder hatten ihn mitgeplant (Demo-Nachricht).",
            ),
        ],
    },
    "nette-quartier": {
        "teaser": "Gute Nachbarschaft für alle Generationen entlang der Nette, über drei Stadtteile hinweg.",
        "intro": (
            "Das Nette-Quartier reicht über Dodesheide, Haste und Sonnenhügel. Menschen aus 84 Nationen leben hier, "
            "viele aus der Babyboomer-Generation gehen in Rente. Ziel ist ein Stadtteil, der zu allen Generationen passt."
        ),
        "body": [
            ("heading", "Wie hier gearbeitet wird"),
            (
                "paragraph",
                "<p>Im Nette-Quartier wird mit der Methode der Gemeinwesenarbeit gearbeitet: Nicht die Stadt plant für die "
                "Menschen, sondern die Menschen bringen ihre Wünsche ein, und eine Koordinatorin unterstützt sie. Die Arbeit "
                "organisiert der Fachdienst Bürgerengagement und Seniorenbüro der Stadt.</p>",
            ),
            ("heading", "Projekte"),
            (
                "paragraph",
                "<p>Beim Computer- und Technikstammtisch helfen ehrenamtliche Medien- und Technik-Lotsen Menschen ab 50. "
                "Am 26. September 2020 legten 15 Freiwillige zwischen 8 und 80 Jahren im Friedensgarten am Haster Weg ein "
                "Biotop für Wildbienen an, mit 15 Tonnen Sand und 5 Tonnen Sandstein. Geplant sind Hausaufgabenhilfe und "
                "Großeltern-Patenschaften.</p>",
            ),
            (
                "facts",
                {
                    "caption": "Nette-Quartier in Zahlen",
                    "rows": [
                        ("Stadtteile", "Dodesheide, Haste, Sonnenhügel"),
                        ("Nationen", "84"),
                        (
                            "Landesförderung „Gute Nachbarschaft“",
                            "180.000 € für drei Jahre ab April 2021",
                        ),
                        ("Seit Mai 2024", "dauerhaft von der Stadt getragen"),
                    ],
                    "source": "Stadt Osnabrück; osna-live 2021",
                },
            ),
            (
                "quote",
                {
                    "text": "Ich hätte nie gedacht, dass ich mit 78 noch Videotelefonie lerne.",
                    "attribution": "Teilnehmerin des Technikstammtischs (Demo-Zitat)",
                },
            ),
        ],
        "news": [
            (
                "technikstammtisch",
                "Technikstammtisch sucht Lotsen",
                25,
                "Sie erklären gern Handy und Tablet? Der Technikstammtisch freut sich über Verstärkung (Demo-Nachricht).",
            ),
            (
                "wildbienen",
                "Die Wildbienen sind wieder da",
                200,
                "Im Friedensgarten am Haster Weg summt es: Das Biotop von 2020 wird gut angenommen (Demo-Nachricht).",
            ),
        ],
    },
}

LEGAL_PAGES = [
    (
        "impressum",
        "Impressum",
        "Angaben nach § 5 Digitale-Dienste-Gesetz (DDG).",
        "",
        [
            ("heading", "Anbieterin"),
            (
                "paragraph",
                "<p>Stadt Osnabrück (Demo-Angaben)<br>Die Oberbürgermeisterin<br>Musterstraße 1, 49074 Osnabrück<br>"
                "E-Mail: quartiere@example.org</p><p>Die Stadt ist eine Körperschaft des öffentlichen Rechts. "
                "Umsatzsteuer-Identifikationsnummer: DE000000000 (Demo).</p>",
            ),
            ("heading", "Verantwortlich für den Inhalt"),
            (
                "paragraph",
                "<p>Verantwortlich nach § 18 Abs. 2 Medienstaatsvertrag: Fachbereich Städtebau, Redaktion Stadtquartiere, "
                "Anschrift wie oben (Demo-Angaben).</p>",
            ),
            ("heading", "Hinweis zur Demo"),
            (
                "paragraph",
                "<p>Diese Installation ist eine Vorführung mit erfundenen Personen und Beispieldaten. Die Fakten zu den "
                "Quartieren stammen aus öffentlichen Quellen, die auf den Quartiersseiten genannt sind.</p>",
            ),
        ],
    ),
    (
        "datenschutz",
        "Datenschutzerklärung",
        "Wie wir mit Ihren Daten umgehen (Art. 13 DSGVO).",
        "",
        [
            ("heading", "Wer verantwortlich ist"),
            (
                "paragraph",
                "<p>Verantwortlich ist die im Impressum genannte Stadt. Den Datenschutz erreichen Sie unter "
                "datenschutz@example.org (Demo).</p>",
            ),
            ("heading", "Was wir speichern"),
            (
                "paragraph",
                "<p>Wenn Sie die Seiten nur lesen, speichern wir keine Daten über Sie. Der Server verarbeitet technisch "
                "nötige Angaben (IP-Adresse, Zeitpunkt, aufgerufene Seite), um die Seiten auszuliefern, und löscht Protokolle nach "
                "sieben Tagen. Wir binden nichts von fremden Servern ein: keine Schriften, keine Karten, keine Statistikdienste.</p>"
                "<p>Cookies setzen wir nur, wenn Sie sich anmelden oder ein Formular absenden (Sitzung und Schutz vor gefälschten "
                "Anfragen) oder eine Sprache wählen. Diese sind technisch notwendig (§ 25 Abs. 2 TDDDG), darum fragen wir nicht "
                "nach Zustimmung.</p>",
            ),
            ("heading", "Formulare"),
            (
                "paragraph",
                "<p>Was Sie uns über ein Formular schicken, nutzen wir nur, um Ihr Anliegen zu bearbeiten "
                "(Art. 6 Abs. 1 lit. e DSGVO). Name und E-Mail-Adresse sind freiwillig. Wir löschen Nachrichten, sobald das "
                "Anliegen erledigt ist, spätestens nach einem Jahr.</p>",
            ),
            ("heading", "Ihre Rechte"),
            (
                "paragraph",
                "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, "
                "Widerspruch und Beschwerde bei der Landesbeauftragten für den Datenschutz Niedersachsen.</p>",
            ),
        ],
    ),
    (
        "barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        "Wir möchten, dass alle Menschen diese Seiten nutzen können.",
        "accessibility",
        [
            ("heading", "Wie barrierefrei diese Seiten sind"),
            (
                "paragraph",
                "<p>Diese Seiten sollen die Anforderungen der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) "
                "und des Niedersächsischen Behindertengleichstellungsgesetzes (§§ 9 bis 9e NBGG) erfüllen, also die Norm "
                "EN 301 549 und WCAG 2.1 Stufe AA. Jede Seite wird automatisch mit axe geprüft und funktioniert ohne JavaScript, "
                "mit Tastatur und bei 200 % Vergrößerung.</p>",
            ),
            ("heading", "Was noch nicht barrierefrei ist"),
            (
                "paragraph",
                "<p>Es gibt noch keine Texte in Leichter Sprache und keine Videos in Gebärdensprache. Die Karten sind "
                "Bilder; alle Orte stehen daneben aber auch als Text. Der Redaktionsbereich für Mitarbeitende ist nicht vollständig "
                "geprüft.</p>",
            ),
            ("heading", "Barriere melden"),
            (
                "paragraph",
                "<p>Sie stoßen auf eine Barriere? Schreiben Sie uns über das Formular unten. Wir antworten innerhalb "
                "von zwei Wochen.</p>",
            ),
            ("heading", "Schlichtungsverfahren"),
            (
                "paragraph",
                "<p>Wenn wir nicht zufriedenstellend antworten, können Sie sich an die Schlichtungsstelle nach § 9d NBGG "
                "beim Landesbeauftragten für Menschen mit Behinderungen in Niedersachsen wenden.</p>",
            ),
        ],
    ),
    (
        "kontakt",
        "Kontakt",
        "Sie haben eine Frage oder eine Idee? Schreiben Sie uns.",
        "contact",
        [
            (
                "paragraph",
                "<p>Am schnellsten hilft Ihnen das Büro in Ihrem Quartier. Die Adressen und Zeiten stehen auf den "
                "Quartiersseiten. Für alles andere nutzen Sie das Formular.</p>",
            ),
        ],
    ),
]

NEWS_INDEX_TITLE = "Aktuelles"
NEWS_BODY = (
    "paragraph",
    "<p>Alle Termine und Details erfahren Sie im Büro vor Ort. Diese Nachricht ist ein Beispiel für die Demo.</p>",
)

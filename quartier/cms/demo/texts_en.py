"""English demo texts: the second language of the portal."""

HOME_TITLE = "City quarters and neighbourhood work"
HOME_INTRO = (
    "Osnabrück is made of many small worlds: old streets, new housing, shopping streets and places "
    "for culture. In our city quarters, neighbours, clubs, shops and the city work together so that "
    "life there is good. See what happens in your quarter and how you can take part."
)
WHAT_IS_A_QUARTER = (
    "<p>A <b>quarter</b> is a small area of the city with its own character. It is often smaller than a "
    "district and sometimes crosses district borders. People who live and work there define it together "
    "with the city.</p><p><b>Neighbourhood work</b> (Quartiersarbeit) means improving life in the quarter "
    "together. A local team listens, brings people together, plans with residents and brings funding from "
    "the federal state, the Land and the city into the quarter.</p>"
)
THEMES_HEADING = "What neighbourhood work is about"
THEMES = [
    (
        "Better streets, squares and buildings",
        "Streets, underpasses and squares become safer and nicer. Owners get help to modernise.",
        "Measures in the Schinkel redevelopment area",
        "/en/massnahmen/schinkel/",
    ),
    (
        "Green spaces and parks",
        "New playgrounds, gardens and green squares, often planned with children and neighbours.",
        "All measures in the quarters",
        "/en/massnahmen/",
    ),
    (
        "Social and cultural offers",
        "Meeting places, advice, homework help, language cafés and festivals for all generations.",
        "What's on in the quarters?",
        "/en/veranstaltungen/",
    ),
    (
        "Local business and commercial space",
        "Shops, crafts and restaurants are strengthened; empty shops find new uses.",
        "Shops and vacant commercial space",
        "/en/wirtschaft/",
    ),
    (
        "Everyone at one table",
        "Residents, businesses, clubs and institutions plan and decide together, for example at the round table.",
        "Share ideas and have your say",
        "/en/mitmachen/ideen/",
    ),
    (
        "Community and taking part",
        "People of every age, origin and language are welcome: at festivals, meeting places, learning, leisure and volunteering.",
        "Volunteering and neighbourhood help",
        "/en/engagement/",
    ),
    (
        "Clubs and institutions",
        "Clubs, schools, day-care centres, parishes and initiatives introduce themselves and look for helpers.",
        "Find local actors",
        "/en/akteure/",
    ),
    (
        "Money for neighbourhood ideas",
        "The neighbourhood fund pays for small projects that make the quarter better, quickly and visibly.",
        "Neighbourhood fund: how to apply",
        "/en/verfuegungsfonds/",
    ),
]
QUARTERS_INDEX_TITLE = "Quarters"
QUARTERS_INDEX_INTRO = "Four quarters, four stories. Choose a quarter to learn more."

QUARTERS = {
    "dodesheide": {
        "teaser": "A young quarter with many languages: a meeting place, advice and a playground for families.",
        "intro": "After the British forces left, many families moved to Dodesheide-Ost. Since the end of 2012 a meeting place serves children, young people and families.",
        "body": [
            (
                "paragraph",
                "<p>People from more than 40 nations live here. The meeting place at Dodeshausweg 73 is run by the "
                "city's mobile youth work team. In 2016 almost 2,900 people used its offers. On Mondays advice is also given in "
                "Arabic and Turkish.</p><p>Since 2013 schools, clubs and city services meet in a network, and every year the "
                "neighbours celebrate a street festival at Bierbaumsweg.</p>",
            ),
        ],
    },
    "rosenplatz": {
        "teaser": "15 years of the Social City programme: a new square, a round table and a festival of lights carried on by neighbours.",
        "intro": "From 2001 to 2016 the area around Rosenplatz was a Social City area. The funding has ended, but the round table, the meeting place and the festival live on.",
        "body": [
            ("heading", "What was achieved"),
            (
                "paragraph",
                "<p>About 7,700 people live here in 5,300 flats. The new Rosenplatz square (about 10,500 m², about "
                "€3.5 million) reopened on 11 July 2012.</p>",
            ),
            ("heading", "What remains and who carries on"),
            (
                "paragraph",
                "<p>The district office closed in May 2016; the meeting place at Iburger Straße 24–26 remains. The "
                'open round table has met since March 2006 and still does. "Lights in the courtyards" opens yards and gardens '
                "once a year.</p>",
            ),
        ],
    },
    "schinkel": {
        "teaser": "A redevelopment area in change: Hasepark playground, a new underpass and a green Pastor-Karwehl-Platz.",
        "intro": 'Since August 2018 Schinkel has been part of the programme "Social Cohesion". About 8,500 people live in the 94-hectare redevelopment area.',
        "body": [
            (
                "paragraph",
                "<p>About €15 million over ten years, a third each from the federal government, the Land and the "
                "city. Owners can get modernisation grants of up to €100,000 per building. The Hasepark playground, planned "
                'with children, opened on 9 December 2020. Pastor-Karwehl-Platz will become a green "sponge city" square '
                "with €1,812,200 of federal funding.</p><p>Once a year the open Schinkelrunde invites everyone. The "
                "neighbourhood fund pays up to €1,000 per project.</p>",
            ),
        ],
    },
    "nette-quartier": {
        "teaser": "Good neighbourhood for all generations along the river Nette, across three districts.",
        "intro": "The Nette quarter spans Dodesheide, Haste and Sonnenhügel. People from 84 nations live here; the aim is a district that suits every generation.",
        "body": [
            (
                "paragraph",
                "<p>Community work means residents bring in their wishes and a coordinator supports them. Volunteer "
                "tech guides help people over 50; in 2020, 15 volunteers aged 8 to 80 built a wild-bee habitat in the peace "
                "garden at Haster Weg. Since May 2024 the city funds the work permanently.</p>",
            ),
        ],
    },
}

LEGAL_PAGES = {
    "impressum": (
        "Legal notice",
        "Information under § 5 of the German Digital Services Act (DDG).",
        "<p>City of Osnabrück (demo data), Musterstraße 1, 49074 Osnabrück, quartiere@example.org.</p>",
    ),
    "datenschutz": (
        "Privacy",
        "How we handle your data (Art. 13 GDPR).",
        "<p>Reading these pages stores nothing about you. We load nothing from other servers. Cookies are set only "
        "when you log in, send a form or choose a language; they are strictly necessary. Messages you send are "
        "used only to answer you and deleted after at most one year.</p>",
    ),
    "barrierefreiheit": (
        "Accessibility statement",
        "We want everyone to be able to use these pages.",
        "<p>These pages aim to meet EN 301 549 and WCAG 2.1 level AA. There are no texts in Easy Language or "
        "sign language videos yet. Found a barrier? Use the form below; we answer within two weeks.</p>",
    ),
    "kontakt": (
        "Contact",
        "A question or an idea? Write to us.",
        "<p>The office in your quarter helps fastest; addresses are on the quarter pages.</p>",
    ),
}
NEWS_INDEX_TITLE = "News"

# English copies of the demo news, by the German page's slug (URLs stay German).
NEWS = {
    "anwohnerfest-am-bierbaumsweg": (
        "Street festival at Bierbaumsweg",
        "Music, food from many countries and games for children: the neighbours invite you again (demo news).",
    ),
    "beratung-auch-auf-arabisch": (
        "Advice in Arabic and Turkish too",
        "On Mondays we help with letters, applications and everyday questions, in your language if you like (demo news).",
    ),
    "lichter-in-den-hoefen": (
        "Lights in the courtyards: yards wanted",
        "If you would like to open your yard or garden for one evening, contact the round table (demo news).",
    ),
    "runder-tisch-trifft-sich": (
        "The round table meets",
        "Open meeting at the meeting place: cleanliness on the square and the next festival are on the agenda (demo news).",
    ),
    "schinkelrunde": (
        "Schinkelrunde at Heinz-Fitschen-Haus",
        "Open forum at Heiligenweg 40, 7 to 9 pm: what has been done, what comes next? (demo news)",
    ),
    "modernisierung-beratung": (
        "Advice on modernisation",
        "At the district office owners learn which grants are available (demo news).",
    ),
    "hasepark-fuenf-jahre": (
        "Five years of the Hasepark playground",
        "The playground opened in December 2020. Children helped to plan it (demo news).",
    ),
    "technikstammtisch": (
        "Tech get-together looks for guides",
        "Do you like explaining phones and tablets? The tech get-together would welcome your help (demo news).",
    ),
    "wildbienen": (
        "The wild bees are back",
        "There is buzzing in the peace garden at Haster Weg: the 2020 habitat is thriving (demo news).",
    ),
}
NEWS_BODY = (
    "paragraph",
    "<p>The office in the quarter has all dates and details. This news item is an example for the demo.</p>",
)

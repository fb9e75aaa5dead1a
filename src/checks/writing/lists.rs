//! The triggers of the writing tips and the guards that keep their literal
//! senses quiet: data, kept apart from the matching in `mod.rs`.

/// One trigger phrase and its guards. Words are lower case; a phrase's
/// words match when written apart, hyphenated or joined by nothing but
/// spaces ("team player", "Team-Player").
pub(super) struct Phrase {
    pub(super) words: &'static [&'static str],
    /// None of these words may come right before the phrase ("cost
    /// synergies", "setup wizard").
    pub(super) not_before: &'static [&'static str],
    /// None of these may be among the next `after_reach` words ("leveraged
    /// buyout", "commenced the action").
    pub(super) not_after: &'static [&'static str],
    /// One of these must be among the next `after_reach` words, when set
    /// ("fast-paced … environment", "interfaced with … clients").
    pub(super) needs_after: &'static [&'static str],
    pub(super) after_reach: usize,
    /// One of these must be among the four words before, in the same
    /// clause, when set ("excellent … communication skills").
    pub(super) needs_before: &'static [&'static str],
    /// The plain word or advice that replaces it.
    pub(super) instead: &'static str,
}

const fn p(words: &'static [&'static str], instead: &'static str) -> Phrase {
    Phrase {
        words,
        not_before: &[],
        not_after: &[],
        needs_after: &[],
        after_reach: 1,
        needs_before: &[],
        instead,
    }
}

impl Phrase {
    const fn not_before(mut self, w: &'static [&'static str]) -> Phrase {
        self.not_before = w;
        self
    }
    const fn not_after(mut self, reach: usize, w: &'static [&'static str]) -> Phrase {
        self.not_after = w;
        self.after_reach = reach;
        self
    }
    const fn needs_after(mut self, reach: usize, w: &'static [&'static str]) -> Phrase {
        self.needs_after = w;
        self.after_reach = reach;
        self
    }
    const fn needs_before(mut self, w: &'static [&'static str]) -> Phrase {
        self.needs_before = w;
        self
    }
}

/// What a value-add investor buys: the real-estate term, not the cliché.
#[rustfmt::skip]
const VALUE_ADD_NOUNS: &[&str] = &[
    "multifamily", "multi", "real", "acquisition", "acquisitions", "property", "properties",
    "strategy", "strategies", "fund", "funds", "investment", "investments", "deal", "deals",
    "asset", "assets", "apartment", "apartments", "office", "retail", "industrial", "portfolio",
    "portfolios", "renovation", "renovations",
];

/// Software whose assistant is a wizard.
#[rustfmt::skip]
const WIZARD_KINDS: &[&str] = &[
    "setup", "install", "installation", "installer", "configuration", "config", "import", "export",
    "migration", "onboarding", "checkout", "up", "signup", "registration",
];

#[rustfmt::skip]
const PRAISE: &[&str] = &[
    "excellent", "strong", "great", "exceptional", "outstanding", "superb", "effective", "solid",
    "good", "superior", "exemplary", "impeccable",
];

/// Synergies someone measures (M&A, pharmacology): a term of art.
#[rustfmt::skip]
const MEASURED_SYNERGY: &[&str] = &["cost", "revenue", "drug", "tax", "merger", "deal", "operating"];

/// Self-description a reader cannot check. `instead` says what to show.
pub(super) const CLICHES: &[Phrase] = &[
    p(
        &["team", "player"],
        "a result you reached with a team, and your part in it",
    ),
    p(
        &["teamplayer"],
        "a result you reached with a team, and your part in it",
    ),
    p(&["hard", "working"], "a result that shows the effort"),
    p(&["hardworking"], "a result that shows the effort"),
    p(&["hard", "worker"], "a result that shows the effort"),
    p(
        &["synergy"],
        "what the groups achieved together, with a number",
    )
    .not_before(MEASURED_SYNERGY),
    p(
        &["synergies"],
        "what the groups achieved together, with a number",
    )
    .not_before(MEASURED_SYNERGY),
    p(&["go", "getter"], "a goal you went after and reached"),
    p(
        &["self", "starter"],
        "something you started without being asked, and its result",
    ),
    p(&["results", "driven"], "the results themselves"),
    p(&["result", "driven"], "the results themselves"),
    p(&["results", "oriented"], "the results themselves"),
    p(&["results", "focused"], "the results themselves"),
    p(
        &["detail", "oriented"],
        "an error rate, an audit or a check you ran",
    ),
    p(
        &["detail", "driven"],
        "an error rate, an audit or a check you ran",
    ),
    p(
        &["outside", "the", "box"],
        "the unusual idea and what it achieved",
    ),
    p(
        &["out", "of", "the", "box", "thinker"],
        "the unusual idea and what it achieved",
    ),
    p(
        &["proven", "track", "record"],
        "the record: numbers from your roles",
    ),
    p(&["dynamic", "professional"], "what you did, with numbers"),
    p(&["dynamic", "individual"], "what you did, with numbers"),
    p(&["dynamic", "leader"], "what you led, with numbers"),
    p(&["dynamic", "personality"], "what you did, with numbers"),
    p(
        &["passionate"],
        "what you did about it: projects, courses, volunteering",
    ),
    p(
        &["passion", "for"],
        "what you did about it: projects, courses, volunteering",
    ),
    p(
        &["passion", "about"],
        "what you did about it: projects, courses, volunteering",
    ),
    p(&["highly", "motivated"], "something you did beyond the job"),
    p(&["self", "motivated"], "something you did beyond the job"),
    p(
        &["motivated", "professional"],
        "something you did beyond the job",
    ),
    p(
        &["motivated", "individual"],
        "something you did beyond the job",
    ),
    p(&["rockstar"], "the skill and what you built with it"),
    p(&["rock", "star"], "the skill and what you built with it"),
    p(&["ninja"], "the skill and what you built with it"),
    p(&["guru"], "the skill and what you built with it"),
    p(&["wizard"], "the skill and what you built with it").not_before(WIZARD_KINDS),
    p(&["superstar"], "the skill and what you built with it"),
    p(&["thought", "leader"], "what you published or presented"),
    p(&["thought", "leaders"], "what you published or presented"),
    p(&["best", "in", "class"], "the comparison, with its number"),
    p(&["best", "of", "breed"], "the comparison, with its number"),
    p(&["value", "add"], "the value, with a number").not_after(1, VALUE_ADD_NOUNS),
    p(&["many", "hats"], "the roles you covered, named"),
    p(
        &["fast", "paced"],
        "the pace, with a number (tickets a day, releases a week)",
    )
    .needs_after(
        3,
        &[
            "environment",
            "environments",
            "setting",
            "settings",
            "workplace",
            "workplaces",
        ],
    ),
    p(
        &["communication", "skills"],
        "a talk, document or negotiation and its result",
    )
    .needs_before(PRAISE),
    p(
        &["people", "person"],
        "the people you served and the result",
    ),
    p(
        &["seasoned", "professional"],
        "your years and what they produced",
    ),
    p(
        &["go", "to", "person"],
        "what people came to you for, and how often",
    ),
    p(
        &["quick", "learner"],
        "something you learned fast, and what you did with it",
    ),
    p(
        &["fast", "learner"],
        "something you learned fast, and what you did with it",
    ),
    p(
        &["hit", "the", "ground", "running"],
        "what you delivered in your first weeks",
    ),
    p(&["jack", "of", "all", "trades"], "the trades, named"),
    p(
        &["well", "under", "pressure"],
        "a deadline or crisis you handled, and how",
    ),
    p(
        &["above", "and", "beyond"],
        "what you did beyond the job, and its result",
    ),
    p(&["game", "changer"], "the change, with a number"),
    p(&["goal", "oriented"], "the goals you reached"),
    p(&["goal", "driven"], "the goals you reached"),
    p(&["visionary"], "the plan you set and what came of it"),
    p(&["dedicated", "professional"], "your record, with numbers"),
    p(&["dedicated", "individual"], "your record, with numbers"),
];

/// Where a place, shift or craft follows "worked on", the words are
/// literal: "worked on-call", "worked on a container ship".
#[rustfmt::skip]
const WORK_PLACES: &[&str] = &[
    "call", "site", "shift", "shifts", "board", "deck", "ship", "ships", "vessel", "vessels",
    "boat", "boats", "rig", "rigs", "farm", "farms", "ranch", "floor", "ward", "wards", "premises",
    "weekends", "location", "locations", "campus", "crew", "crews", "trawler",
];

/// Fillers that hide the action when they open a line or a clause.
/// `instead` is the advice when no rewrite can be made.
pub(super) const OPENINGS: &[Phrase] = &[
    p(&["responsible", "for"], ""),
    p(&["had", "responsibility", "for"], ""),
    p(&["responsibilities", "included"], ""),
    p(&["responsibilities", "include"], ""),
    p(&["duties", "included"], ""),
    p(&["duties", "include"], ""),
    p(&["duties", "were"], ""),
    p(&["duties"], ""),
    p(&["responsibilities"], ""),
    p(&["helped", "with"], ""),
    p(&["helped", "to"], ""),
    p(&["helped"], ""),
    p(&["assisted", "with"], ""),
    p(&["assisted", "in"], ""),
    p(&["worked", "on"], "").not_after(5, WORK_PLACES),
    p(&["tasked", "with"], ""),
    p(&["charged", "with"], ""),
    p(&["involved", "in"], ""),
    p(&["involved", "with"], ""),
    p(&["participated", "in"], ""),
    p(&["took", "part", "in"], ""),
    p(&["in", "charge", "of"], ""),
];

/// Words allowed before an opening in its clause: "I was responsible for",
/// "My duties included".
#[rustfmt::skip]
pub(super) const OPENING_PREFIX: &[&str] = &[
    "i", "was", "were", "am", "also", "primarily", "mainly", "directly", "my", "job", "main",
    "key", "daily", "role",
];

/// What leveraged means in finance, where it is no verb.
#[rustfmt::skip]
const FINANCE: &[&str] = &[
    "buyout", "buyouts", "buy", "etf", "etfs", "loan", "loans", "finance", "lending", "recap",
    "recapitalization", "position", "positions", "fund", "funds", "credit", "debt", "lease",
    "leases", "trading", "products", "portfolio", "portfolios", "transaction", "transactions",
    "acquisition", "acquisitions", "strategies", "ratio",
];

/// A court action commenced is the legal term, not an inflated verb.
#[rustfmt::skip]
const LEGAL: &[&str] = &[
    "action", "actions", "proceeding", "proceedings", "suit", "suits", "lawsuit", "lawsuits",
    "litigation", "arbitration",
];

#[rustfmt::skip]
const PEOPLE: &[&str] = &[
    "clients", "customers", "stakeholders", "vendors", "suppliers", "teams", "team", "management",
    "executives", "patients", "families", "users", "staff", "departments", "partners",
    "leadership", "parents", "students", "colleagues", "engineers", "managers", "tenants",
    "residents", "guests", "members", "donors", "contractors", "physicians", "nurses", "doctors",
    "attorneys", "owners", "buyers", "sellers", "agencies",
];

/// Pompous verbs and the plain word for each form.
pub(super) const INFLATED: &[Phrase] = &[
    p(&["utilize"], "use"),
    p(&["utilizes"], "uses"),
    p(&["utilized"], "used"),
    p(&["utilizing"], "using"),
    p(&["utilise"], "use"),
    p(&["utilises"], "uses"),
    p(&["utilised"], "used"),
    p(&["utilising"], "using"),
    p(&["leveraged"], "used").not_after(1, FINANCE),
    p(&["leveraging"], "using").not_after(1, FINANCE),
    p(&["leverages"], "uses").not_after(1, FINANCE),
    p(&["to", "leverage"], "to use").not_after(1, FINANCE),
    p(&["facilitate"], "run").not_after(1, &["diffusion", "transport"]),
    p(&["facilitates"], "runs").not_after(1, &["diffusion", "transport"]),
    p(&["facilitated"], "ran").not_after(1, &["diffusion", "transport"]),
    p(&["facilitating"], "running").not_after(1, &["diffusion", "transport"]),
    p(&["endeavored"], "tried"),
    p(&["endeavoured"], "tried"),
    p(&["endeavoring"], "trying"),
    p(&["endeavouring"], "trying"),
    p(&["endeavor", "to"], "try to"),
    p(&["endeavour", "to"], "try to"),
    p(&["commence"], "begin").not_after(4, LEGAL),
    p(&["commences"], "begins").not_after(4, LEGAL),
    p(&["commenced"], "began").not_after(4, LEGAL),
    p(&["commencing"], "beginning").not_after(4, LEGAL),
    p(&["effectuate"], "make"),
    p(&["effectuated"], "made"),
    p(&["effectuating"], "making"),
    p(&["actioned"], "handled"),
    p(&["actioning"], "handling"),
    p(&["operationalize"], "put in place").not_after(5, &["as"]),
    p(&["operationalized"], "put in place").not_after(5, &["as"]),
    p(&["operationalizing"], "putting in place").not_after(5, &["as"]),
    p(&["operationalise"], "put in place").not_after(5, &["as"]),
    p(&["operationalised"], "put in place").not_after(5, &["as"]),
    p(&["operationalising"], "putting in place").not_after(5, &["as"]),
    p(&["ideate"], "come up with"),
    p(&["ideated"], "came up with"),
    p(&["ideating"], "coming up with"),
    p(&["synergize"], "combine"),
    p(&["synergized"], "combined"),
    p(&["synergizing"], "combining"),
    p(&["synergise"], "combine"),
    p(&["synergised"], "combined"),
    p(&["ameliorate"], "improve"),
    p(&["ameliorated"], "improved"),
    p(&["ameliorating"], "improving"),
    p(&["solutioned"], "solved"),
    p(&["solutioning"], "solving"),
    p(&["interfaced", "with"], "worked with").needs_after(3, PEOPLE),
    p(&["interfacing", "with"], "working with").needs_after(3, PEOPLE),
];

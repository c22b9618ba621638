//! The words the estimator knows, written for moodwire.
//!
//! Valences follow VADER's convention, about -4 (extremely negative) to +4 (extremely
//! positive), judged for news: what the word says about how things are going for the people,
//! markets or places the story is about. Words are listed in their base form; the lookup also
//! finds regular inflections (`surges`, `surged`, `surging`), so only irregular forms are listed
//! on their own. Phrases of two or three words are written with single spaces.
//!
//! The lists are general news vocabulary, not drawn from any test set, so that the accuracy
//! the tests measure says something about articles the lists have never seen.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// What a word or phrase does to the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry {
    /// Carries this valence.
    Valence(f64),
    /// Says that something went up; with a bad thing ("unemployment rises") the sign flips.
    Up(f64),
    /// Says that something went down; with a bad thing ("losses narrow") the sign flips.
    Down(f64),
    /// A bad thing whose rise is bad news and whose fall is good news; its own valence.
    Bad(f64),
    /// A good thing, mostly a measure of business (sales, profit, a price target), whose rise
    /// is good news and whose fall is bad news; its own valence, small or none.
    Good(f64),
    /// Carries nothing, and keeps an inflection from reaching another entry: `according` is
    /// not `accord`, `concerning` not `concern`.
    Nothing,
    /// Turns the next few words around ("not", "no", "failed to").
    Negator,
    /// Negative on its own and turns the next words around: "fails to agree".
    NegativeNegator(f64),
    /// Scales the next word that carries valence ("sharply", "slightly").
    Scale(f64),
    /// "but", "however": what comes before weighs less, what follows more.
    Contrast,
    /// "despite", "although": the rest of the clause weighs less.
    Concession,
    /// Marks a report as neutral ("unchanged", "as expected").
    Neutral,
}

/// Words and phrases with a valence of their own.
const VALENCES: &str = "
# general
good 1.9  great 2.5  excellent 3  strong 1.6  strength 1.3  solid 1.2  robust 1.6  healthy 1.5
positive 2  success 2.5  successful 2.5  succeed 2.2  win 2.3  won 2.3  winner 2  victory 2.5
best 2.5  better 1.7  improve 1.8  improvement 1.8  progress 1.7  breakthrough 2.8
milestone 1.6  hope 1.5  hopeful 1.7  optimism 2  optimistic 2  confident 1.6
upbeat 1.8  welcome 1.5  praise 2  celebrate 2.2  relief 1.5  boost 1.8  benefit 1.5
advance 1.3  recover 1.6  recovery 1.6  revive 1.6  revival 1.6  resilient 1.5  resilience 1.4
thrive 2.3  flourish 2.2  booming 2.2  boom 1.8  prosper 2.2  prosperity 2.2  upgrade 1.8
achieve 1.8  achievement 2  approve 1.2  approval 1.2  agreement 0.3  deal 0.3
peace 2  ceasefire 1.5  truce 1.2  rescue 1.4  rescued 1.6  save 1.2  safe 1.5  safety 0.8
protect 1.2  secure 1.2  effective 1.6  efficacy 1.5  cure 2.2  heal 1.6  innovative 1.7
innovation 1.5  opportunity 1.5  favourable 1.6  favorable 1.6  attractive 1.4  bright 1.5
exceed 1.6  outperform 1.8  beat 1.4  surpass 1.7  top 0.6  expand 1.2  expansion 1.2  hire 1.4
hiring 1.3  invest 0.3  funding 0.3  bonus 1.2  reward 1.4  award 1.5
honour 1.5  honor 1.5  stabilise 1  stabilize 1  easing 0.6  affordable 1.3  cheaper 1
cheapest 1  clean 1  renewable 0.6  sustainable 0.9  efficient 1.3  promising 2  promise 1
encouraging 2  encourage 1.4  support 0.8  supportive 1.2  inspire 1.8  joy 2.8  happy 2.5
glad 2  love 2.8  friendly 1.8  generous 2  fair 1.2  free 0.6  freedom 1.6
reopen 1.5  restore 1.5  restored 1.5  clarity 1.3  transparent 1.1  accountable 0.8  smooth 1.2
high 0.3  upturn 1.8  upswing 1.8  uptick 1  overcome 1.6  resolve 1.2  resolved 1.4
solution 1.2  solve 1.5  fix 0.9  milestones 1.6  favoured 1  lucrative 1.8  profitable 2
buyback 1.2  windfall 1.8  bullish 2.4  outperformance 1.8  savings 1  overweight 1.2
strengthen 1.4  outpace 1.2

# general negative
bad -2  poor -1.8  weak -1.6  weaken -1.5  weakness -1.5  worse -2  worst -3  lose -1.6
lost -1.6  loser -1.8  negative -1.8  problem -1.5  trouble -1.8  troubled -2  struggle -1.8
difficult -1.4  difficulty -1.5  hard -0.5  harsh -1.6  afraid -1.8  worried -1.7
concerned -1.3  anxious -1.6  anxiety -1.7  alarm -1.8  alarming -2.2  warn -1.3  warning -1.4
threat -1.9  threaten -1.9  risky -1.4  danger -2.1  dangerous -2.2  hazard -1.8  harm -2
harmful -2.2  damage -2  damaging -2.1  destroy -2.6  destruction -2.6  devastate -3
devastating -3.1  disaster -3  catastrophe -3.2  catastrophic -3.2  crisis -2.6  chaos -2.4
chaotic -2.3  turmoil -2.2  unrest -1.9  collapse -2.6  crash -2.5

contraction -1.6  downturn -2  downgrade -1.8  slowdown -1.6  stall -1.4
stagnate -1.5  stagnation -1.6  sluggish -1.5  recession -2.6  depression -2.7
crunch -1.8  squeeze -1.4  strain -1.5  scarce -1.4  scarcity -1.5  glut -1.4
bankrupt -2.8  insolvency -2.6  insolvent -2.6  redundancies -2  fired -1.5
axe -1.6  scrap -1.2  cancel -1.3  postpone -1  suspend -1.4  halt -1.3  shut -1.4
shutdown -1.7  closure -1.5  disruption -1.7  disrupt -1.7  blackout -1.9
strike -1.2  protest -1.3  riot -2.4  war -3  conflict -2.2  attack -2.5  bomb -2.6
bombing -2.8  kill -3  killed -3  dead -2.6  die -2.6  died -2.6  deadly -2.9  fatal -2.8
injure -2  injured -2  wound -2  violence -2.8  violent -2.7  terror -3  terrorist -3
hostage -2.5  invasion -2.6  invade -2.6  sanction -1.5  sanctions -1.5  embargo -1.6
tariff -0.8  tariffs -0.8  ban -1.1  penalty -1.6  fined -1.6  fines -1.4  sue -1.3  lawsuit -1.3
fraud -2.6  scandal -2.4  corruption -2.6  corrupt -2.6  probe -0.9  investigation -0.7
charge -0.7  charged -1.2  accuse -1.6  allegation -1.4  arrest -1.6  jail -1.9  prison -1.8
flood -2  flooding -2  drought -2.1  wildfire -2.2  storm -1.6  hurricane -2  earthquake -2.3
famine -3  hunger -2.3  starvation -3  disease -1.9  outbreak -2  epidemic -2.4  pandemic -2.2
illness -1.6  sick -1.6  toxic -2.2  contamination -2  spill -1.6  leak -1.3  breach -1.8
hack -1.8  hacked -1.9  ransomware -2.2  vulnerable -1.3  vulnerability -1.3  exposed -1.1
miss -1.3  missed -1.3  shortfall -1.7  underperform -1.6  disappoint -2  disappointing -2
disappointment -2  dismal -2.4  grim -2.2  gloomy -2  gloom -2  bleak -2.2  dire -2.5
pessimism -1.9  pessimistic -1.9  bearish -2.4  uncertain -1.1  volatile -1.2  fragile -1.3
dispute -1.4  clash -1.8  standoff -1.4  deadlock -1.5  stalemate -1.4  impasse -1.4
reject -1.3  rejection -1.4  oppose -0.8  opposition -0.4  criticise -1.4  criticize -1.4
criticism -1.4  condemn -2  blame -1.7  angry -2.2  anger -2.1  outrage -2.5  furious -2.6
frustration -1.7  frustrated -1.8  panic -2.5  shock -1.8  shocking -2.1  sell off -1.8
selloff -1.8  rout -2.2  losing -1.6  low -0.5  worsen -1.9  deteriorate -1.9  erode -1.4
erosion -1.4  ration -1.6  scramble -1.2  stranded -1.7  evacuate -1.8  inferior -1.5
reliance -0.3  dependence -0.6  expensive -1.1  costly -1.5  burden -1.6  stretched -1.1
overdue -1.1  bottleneck -1.3  jam -1  plight -2  victim -2.2  victims -2.2  casualty -2.4
emergency -1.6  ruin -2.6  wipe -1.3  wreck -2.2  abandon -1.6  exodus -1.8  flee -1.8
fled -1.8  displace -1.8  warns -1.3  inflationary -1.1  headwind -1.3  tailwind 1.3
tailwinds 1.3  underweight -1.2  impairment -1.3  writedown -1.4  dilution -0.8

# phrases
record profit 2.6  record profits 2.6  record high 2.2  record highs 2.2  all time high 2.2
record low -1.6  record lows -1.6  record loss -2.6  record losses -2.6  all time low -1.8
better than expected 2  worse than expected -2  stronger than expected 1.8
weaker than expected -1.8  above expectations 1.7  below expectations -1.7
beat expectations 1.8  beat forecasts 1.8  beats forecasts 1.8  beat estimates 1.8
beats estimates 1.8  miss expectations -1.8  missed expectations -1.8  miss forecasts -1.8
missed forecasts -1.8  profit warning -2.4  job cuts -2.2
job losses -2.3  cuts jobs -2.2  cut jobs -2.2  lay off -2.1  laid off -2.2  rate cut 0.6
rate cuts 0.6  rate hike -0.8  rate hikes -0.8  full order book 2  order book 0.5  on track 1.2
off track -1.2  back on track 1.5  turned a corner 1.6  hit hard -2  hard hit -2  hit by -1.2
weighed on -1.3  weigh on -1.3  pressure on -1  under pressure -1.4  cost of living -1
price war -1.5  trade war -2.2  war of words -1.4  free fall -2.6  freefall -2.6
up in the air -0.8  in the red -1.8  in the black 1.6  into the red -1.8  back in the black 1.8
out of work -1.8  state of emergency -2.2  short of -1  fell short -1.6  falls short -1.6
falling short -1.6  came up short -1.6  peace deal 2  trade deal 1.4  new jobs 1.6
green light 1.6  go ahead 1.1  went ahead 0.8  top marks 1.8  best ever 2.6  highest ever 1.8
lowest ever -1.2  worst ever -3  strong demand 1.8  weak demand -1.8  demand slump -2.2
supply chain problems -1.7  cost overruns -1.8  cost overrun -1.8  safe haven 0.3  knock on -0.8
cost savings 1.5  cost saving 1.4  cost cuts 1.2  cost cutting 0.8  cost reductions 1.2
cost efficiency 1  fine of -1.4  swung to a profit 2.2  swung to profit 2.2  swung into profit 2.2
swings to a profit 2.2  swing to a profit 2.2  turned to a profit 2.2  turned to profit 2.2
returned to profit 2.2  return to profit 2.2  returns to profit 2.2  back to profit 2
swung to a loss -2.2  swung to loss -2.2  swung into loss -2.2  swings to a loss -2.2
swing to a loss -2.2  turned to a loss -2.2  turned to loss -2.2  slipped into loss -2.2
slipped to a loss -2.2  plunged into loss -2.4  rated buy 1.6  buy rating 1.6  rated sell -1.6
sell rating -1.6  rated outperform 1.6  upgraded to buy 2  downgraded to sell -2
short seller -1  going concern -1.8  profit taking -0.8  closed higher 1  closed lower -1
ended higher 1  ended lower -1  tops estimates 1.6  topped estimates 1.6  top estimates 1.6
misses estimates -1.6  miss estimates -1.6  missed estimates -1.8
";

/// Words that say something went up. `up` and `down` count only where they say so ("up 5%",
/// "up from", "shares were down"), not in "set up" or "step down".
const UP: &str = "
rise 0.9  rose 0.9  risen 0.9  climb 1.2  jump 1.3  surge 1.5  soar 2.3  increase 0.8
grow 1.3  grew 1.3  grown 1.3  gain 1.7  rebound 1.7  rally 1.8  spike 0.6  swell 0.8
widen 0.3  accelerate 1  mount 0.2  double 1.2  triple 1.4  higher 0.5  hit record 1.2
raise 0.9  lift 1  up 0.8
";

/// Words that say something went down.
const DOWN: &str = "
fall -1.2  fell -1.2  fallen -1.2  drop -1.2  decline -1.3  slide -1.4  slid -1.4
slump -2  plunge -2.1  plummet -2.4  tumble -1.8  sink -1.5  sank -1.5  shrink -1.4
shrank -1.4  ease 0.6  cool -0.3  slow -0.8  narrow -0.3  dip -0.8  retreat -1
decrease -0.8  halve -1.4  lower -0.4  cut -1  reduce -0.4  reduction -0.2  fade -0.8
down -0.8  slash -1.8  trim -0.6  weaker -1.2
";

/// Good things, mostly measures of business: their rise is good news and their fall bad.
const GOOD: &str = "
sales 0  revenue 0  revenues 0  turnover 0  profit 0.6  profits 0.6  earnings 0.2  income 0
ebit 0  ebitda 0  eps 0  margin 0  margins 0  orders 0  bookings 0  demand 0.2  volume 0
volumes 0  output 0  production 0  deliveries 0  shipments 0  dividend 0.6  dividends 0.6
growth 1  exports 0  employment 0.3  payrolls 0  gdp 0  productivity 0.3  efficiency 0.5
shares 0  share 0  stock 0  stocks 0  price 0  value 0  valuation 0  market 0
markets 0  index 0  futures 0  equities 0  target 0  targets 0  guidance 0  outlook 0
forecast 0  forecasts 0  estimate 0  estimates 0  rating 0  capacity 0  traffic 0
passengers 0  customers 0  subscribers 0  users 0  occupancy 0  cash 0  liquidity 0
results 0  result 0  performance 0  confidence 1.6  sentiment 0  spending 0  consumption 0
investment 0.2  investments 0  stake 0  surplus 1.2  order 0
";

/// Words that carry nothing and would otherwise be read as an inflection of a word that
/// does.
const NOTHING: &str = "
concerning  according  marketing  pricing
";

/// Bad things: their rise is bad news and their fall good news.
const BAD: &str = "
unemployment -1.2  jobless -1.5  inflation -1  loss -1.8  losses -1.9  deficit -1.3
debt -0.8  cost -0.4  costs -0.4  default -2.4  defaults -2.4  bankruptcy -2.8
bankruptcies -2.8  layoff -2.2  layoffs -2.2  death -2.6  deaths -2.6  case -0.3
cases -0.3  infection -1.5  infections -1.5  casualties -2.4  emission -0.6
emissions -0.6  poverty -2.2  crime -2  shortage -1.9  shortages -1.9  delay -1.2
delays -1.2  tension -1.5  tensions -1.5  risk -1.1  risks -1.1  fear -1.8
fears -1.8  worry -1.5  worries -1.5  concern -1.2  concerns -1.2  volatility -1.1
backlog -1.1  arrears -1.4  waiting -0.3  wait -0.3  homelessness -2.1  pollution -1.8
smog -1.8  uncertainty -1.2  claims -0.4  outages -1.8  outage -1.8  foreclosure -2.2
foreclosures -2.2   headwinds -1.3  pressure -0.6  pressures -0.6
";

/// Words that turn the next few words around.
const NEGATORS: &str = "
not  no  never  none  nor  neither  without  cannot  lack  lacks  lacking  isn't  aren't
wasn't  weren't  don't  doesn't  didn't  won't  wouldn't  can't  couldn't  hasn't  haven't
hadn't  shouldn't  mustn't  needn't
";

/// Negative words that also turn the next words around.
const NEGATIVE_NEGATORS: &str = "
fail -1.6  fails -1.6  failed -1.6  failure -1.6  unable -1.2  refuse -1.1  refused -1.1
";

/// Words that scale the next word carrying valence.
const SCALES: &str = "
very 1.3  sharply 1.4  steeply 1.4  deeply 1.3  deeper 1.3  severely 1.5  severe 1.4
significantly 1.3  significant 1.2  substantially 1.3  substantial 1.2  dramatically 1.5
dramatic 1.4  strongly 1.3  hugely 1.5  huge 1.4  extremely 1.6  massive 1.5  biggest 1.4
largest 1.3  sharpest 1.5  steepest 1.5  fastest 1.3  heavy 1.3  heavily 1.3  record 1.5
major 1.2  serious 1.3  widespread 1.3  further 1.15  more 1.1  most 1.2  so 1.2  too 1.1
slightly 0.6  marginally 0.5  modestly 0.6  modest 0.7  somewhat 0.6  barely 0.5  partly 0.6
partially 0.6  mildly 0.6  slight 0.6  small 0.8  minor 0.6  limited 0.8  little 0.7
";

/// Words after which the rest of the sentence outweighs what came before.
const CONTRASTS: &str = "but  however  yet  nevertheless  nonetheless";

/// Words after which the rest of the clause weighs less.
const CONCESSIONS: &str = "despite  although  though  notwithstanding";

/// Words and phrases that mark a report as neutral.
const NEUTRALS: &str = "
unchanged  steady  flat  mixed  stable  roughly  hold  holds  held  keep  keeps  kept
maintain  maintains  review  consultation  proposal  proposals  draft  meeting
talks  schedule  scheduled  routine  balanced  neutral  as expected  in line with
widely expected  largely expected  little changed  wait and see  on hold  mixed signals
according to  as planned  on schedule  totalled  totaled  amounted  amounts to  comparable
respectively
";

/// How many words the longest phrase has.
pub const MAX_PHRASE_WORDS: usize = 4;
/// How many bytes a phrase may have at most, so that the words after a phrase's first word
/// can be joined on the stack to be looked up.
pub const MAX_PHRASE_BYTES: usize = 64;

/// Makes the entry of a weighted list from an item's number.
type MakeEntry = fn(f64) -> Entry;

pub struct Lexicon {
    entries: FxHashMap<&'static str, Entry>,
    /// Every word the lexicon knows, as written and in each regular inflection of it, with
    /// its entry: one lookup per word of text instead of one per inflection rule.
    words: FxHashMap<Box<str>, Ranked>,
    /// The first words of phrases, so that phrases are only looked for where one may start.
    phrase_starts: FxHashSet<&'static str>,
}

impl Lexicon {
    /// The lexicon, built on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut lexicon = Lexicon {
            entries: FxHashMap::default(),
            words: FxHashMap::default(),
            phrase_starts: FxHashSet::default(),
        };
        let weighted: [(&str, MakeEntry); 7] = [
            (VALENCES, Entry::Valence),
            (UP, Entry::Up),
            (DOWN, Entry::Down),
            (BAD, Entry::Bad),
            (GOOD, Entry::Good),
            (SCALES, Entry::Scale),
            (NEGATIVE_NEGATORS, Entry::NegativeNegator),
        ];
        for (list, entry) in weighted {
            for item in items(list) {
                let (key, number) = item
                    .rsplit_once(' ')
                    .unwrap_or_else(|| panic!("lexicon item {item:?} has no number"));
                let value = number
                    .parse()
                    .unwrap_or_else(|_| panic!("lexicon item {item:?} has a bad number"));
                lexicon.insert(key, entry(value));
            }
        }
        for (list, entry) in [
            (NEUTRALS, Entry::Neutral),
            (CONTRASTS, Entry::Contrast),
            (CONCESSIONS, Entry::Concession),
            (NEGATORS, Entry::Negator),
            (NOTHING, Entry::Nothing),
        ] {
            for key in items(list) {
                lexicon.insert(key, entry);
            }
        }
        lexicon.words = inflected_words(&lexicon.entries);
        lexicon
    }

    fn insert(&mut self, key: &'static str, entry: Entry) {
        let previous = self.entries.insert(key, entry);
        debug_assert!(previous.is_none(), "{key:?} is in the lexicon twice");
        if let Some((first, _)) = key.split_once(' ') {
            assert!(
                key.len() <= MAX_PHRASE_BYTES,
                "{key:?} is longer than a phrase may be"
            );
            self.phrase_starts.insert(first);
        }
    }

    /// The entry of a phrase or a word as written.
    pub fn exact(&self, key: &str) -> Option<Entry> {
        self.entries.get(key).copied()
    }

    /// The entry of a word, also through its regular inflections: `surges`, `surged`,
    /// `surging`, `cutting`, `worries`, `worried`. (Estimates look words up in the model's
    /// table, which holds these entries too.)
    #[cfg(test)]
    pub fn word(&self, word: &str) -> Option<Entry> {
        self.words.get(word).map(|ranked| ranked.entry)
    }

    /// Every word the lexicon knows, in each inflection, with its entry.
    pub fn forms(&self) -> impl Iterator<Item = (&str, Entry)> {
        self.words
            .iter()
            .map(|(form, ranked)| (&**form, ranked.entry))
    }

    /// The first words of phrases.
    pub fn phrase_starts(&self) -> impl Iterator<Item = &str> {
        self.phrase_starts.iter().copied()
    }
}

#[cfg(test)]
impl Lexicon {
    /// [`Lexicon::word`] the slow way, trying each rule on the word: what the table of
    /// inflected words must agree with.
    pub(crate) fn word_by_rules(&self, word: &str) -> Option<Entry> {
        if let Some(entry) = self.exact(word).filter(|_| !word.contains(' ')) {
            return Some(entry);
        }
        for (ending, replacement) in INFLECTIONS {
            let Some(stem) = word.strip_suffix(ending) else {
                continue;
            };
            if stem.len() < 2 {
                continue;
            }
            if let Some(entry) = self.exact(&format!("{stem}{replacement}")) {
                return Some(entry);
            }
            let mut last_two = stem.chars().rev();
            if replacement.is_empty()
                && stem.len() >= 3
                && let (Some(last), Some(before)) = (last_two.next(), last_two.next())
                && last == before
                && let Some(entry) = self.exact(&stem[..stem.len() - last.len_utf8()])
            {
                return Some(entry);
            }
        }
        None
    }

    /// The words the lexicon knows, with their inflections, for tests to try.
    pub(crate) fn known_forms(&self) -> impl Iterator<Item = &str> {
        self.words.keys().map(|form| &**form)
    }
}

/// The ways a word's inflection is undone, in the order they are tried: the ending and what
/// replaces it.
const INFLECTIONS: [(&str, &str); 8] = [
    ("ies", "y"),
    ("ied", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
];

/// Each single word of `entries` and every inflection of it that [`INFLECTIONS`] undo, with
/// the entry that undoing it finds, and the rank of the rule that undoes it. Made forward,
/// from the entries: a form reached from several entries keeps the one the rules reach first
/// when tried in order on the form, and a word of the lexicon is always itself.
fn inflected_words(entries: &FxHashMap<&'static str, Entry>) -> FxHashMap<Box<str>, Ranked> {
    let mut ranked: FxHashMap<Box<str>, Ranked> =
        FxHashMap::with_capacity_and_hasher(entries.len() * 10, Default::default());
    let mut offer = |form: &[&str], rank: u8, entry: Entry| {
        let mut text = String::with_capacity(form.iter().map(|part| part.len()).sum());
        form.iter().for_each(|part| text.push_str(part));
        let slot = ranked.entry(text.into()).or_insert(Ranked { rank, entry });
        if rank < slot.rank {
            *slot = Ranked { rank, entry };
        }
    };
    for (&key, &entry) in entries.iter().filter(|(key, _)| !key.contains(' ')) {
        offer(&[key], 0, entry);
        let Some(last) = key.chars().last() else {
            continue;
        };
        let last = &key[key.len() - last.len_utf8()..];
        for (rule, (ending, replacement)) in (0u8..).zip(INFLECTIONS) {
            let Some(stem) = key.strip_suffix(replacement) else {
                continue;
            };
            if stem.len() >= 2 {
                offer(&[stem, ending], 1 + 2 * rule, entry);
            }
            // `slipped` from `slip`: the stem is the key with its last letter doubled.
            if replacement.is_empty() && key.len() + last.len() >= 3 {
                offer(&[key, last, ending], 2 + 2 * rule, entry);
            }
        }
    }
    ranked
}

/// An entry in the table of inflected words, with the rank of the rule that reaches it
/// (lower first: twice each rule, for its plain and its doubled consonant reading, after the
/// words as written).
#[derive(Debug, Clone, Copy)]
struct Ranked {
    rank: u8,
    entry: Entry,
}

/// The items of a list: separated by two spaces or line ends, `#` starting a comment line.
fn items(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .flat_map(|line| line.split("  "))
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

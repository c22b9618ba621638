//! Short lists of the most common function words of seven languages, written for moodwire
//! (not taken from jusText's): a line of prose is mostly such words, a menu or a headline list
//! hardly any. Which list applies is chosen per page, by which one covers most of its words.

use std::sync::LazyLock;

use super::stoptable::Table;

const ENGLISH: &str = "a about above after again against all also am an and any are as at be
because been before being below between both but by can could did do does doing down during
each even ever few for from further had has have having he her here hers him his how however i
if in into is it it's its just least less like many may me might more most much must my never
no nor not now of off often on once one only or other our out over own per said same says she
should since so some still such than that the their them then there these they this those
though through to too under until up upon us very was we were what when where whether which
while who whom whose why will with within without would yet you your don't doesn't didn't isn't
wasn't can't won't i'm i've you're we're they're he's she's that's there's let's aren't
hasn't haven't hadn't shouldn't wouldn't couldn't going get gets got make makes made take takes
took know knew think see saw come came go goes went use used want need like look find give
gave tell told work call try ask seem feel leave put mean keep let begin show hear run move
live believe bring happen write provide sit stand lose pay meet include continue set learn
change lead understand watch follow stop create speak read allow add spend grow open walk win
offer remember love consider appear buy wait serve die send expect build stay fall cut reach
kill remain suggest raise pass sell require report decide pull time year years people way day
days man men thing things woman women life child children world school state family group
country problem hand part place case week company system program question government number
night point home water room mother area money story fact month lot right study book eye job
word business issue side kind head house service friend father power hour game line end
member law car city community name president team minute idea kid body information back
parent face others level office door health person art war history party result morning reason
research girl guy moment air teacher force education first last long great little good
new old big high different small large next early young important few public bad same able
another around really something nothing everything anything always sometimes never also
already almost away enough far here however less maybe often once perhaps quite rather soon
then there today together too well yet ago although because unless whether either neither
every several many much such both each whatever whenever whichever whoever himself herself
itself themselves ourselves myself yourself among across along behind beside beyond despite
except inside near outside since toward towards via throughout";

const GERMAN: &str = "aber alle allem allen aller alles als also am an andere auch auf aus bei
bin bis bist da damit dann das dass dem den denn der des die dies diese diesem diesen dieser
doch dort du durch ein eine einem einen einer eines er es etwas für gegen hat hatte haben hier
ich ihm ihn ihr ihre im immer in ist ja jetzt kann kein keine man mehr mich mir mit muss nach
nicht noch nun nur ob oder ohne schon sehr sei sich sie sind so soll über um und uns unter viel
vom von vor war waren was weil wenn werden wie wir wird wurde zu zum zur zwischen";

const FRENCH: &str = "à au aux avec ce ces cet cette comme dans de des du elle elles en est et
été être il ils je la le les leur leurs lui mais me même mes moi mon ne nos notre nous on ont
ou où par pas plus pour qu que qui sa sans se ses si son sont sur ta te tes toi ton tous tout
très tu un une vos votre vous y c'est qu'il d'un d'une l'on aussi fait peut entre depuis avait";

const SPANISH: &str = "a al algo algunos ante antes como con contra cual cuando de del desde
donde durante e el ella ellas ellos en entre era es esa ese eso esta estaba están este esto
fue ha han hasta hay la las le les lo los más me mi muy nada ni no nos o otra otro para pero
poco por porque que quien se ser si sin sobre son su sus también tanto te tiene todo todos
tu un una uno unos y ya está sido puede entre";

const PORTUGUESE: &str = "a ao aos as até com como da das de dela dele do dos e ela ele eles
em entre era essa esse está estão eu foi foram há isso isto já la lhe mais mas me mesmo meu
minha muito na nas nem no nos nós num numa o os ou para pela pelas pelo pelos por qual quando
que quem se sem ser seu seus sua suas também te tem ter um uma umas uns você é são pode ainda";

const ITALIAN: &str = "a ad al alla alle allo anche che chi ci come con contro da dal dalla
dalle degli dei del della delle dello di dove e è ed era gli ha hanno i il in io la le lei
lo loro lui ma mi molto ne negli nei nel nella nelle noi non o per perché più poi quale quando
quella quelle quello questa queste questo se si sia sono su sua sue sui sul sulla suo suoi
tra tutti tutto un una uno anche essere stato fatto";

const DUTCH: &str = "aan al als bij dan dat de der deze die dit door doen een en er geen had
heb hebben heeft het hier hij hoe hun ik in is je kan maar me meer met mij na naar niet nog nu
of om omdat ons ook op over te tegen toch tot u uit van veel voor want was wat we werd wie wij
wil worden wordt zal ze zelf zich zij zijn zo zou";

/// The languages, in the order of their bits.
const LISTS: [&str; 7] = [ENGLISH, GERMAN, FRENCH, SPANISH, PORTUGUESE, ITALIAN, DUTCH];

/// Every stop word, with a bit for each language whose list holds it. A constant table built
/// once, not a setting.
static WORDS: LazyLock<Table> = LazyLock::new(|| {
    Table::new(
        LISTS
            .iter()
            .enumerate()
            .flat_map(|(bit, list)| list.split_whitespace().map(move |word| (word, 1 << bit))),
    )
});

/// The bits of the languages whose lists hold `word` (lowercased, `'` for `’`).
pub fn languages_of(word: &str) -> u8 {
    WORDS.get(word)
}

/// How many languages have a list.
const LANGUAGES: usize = LISTS.len();

/// How many words a line has, and how many of them each language's list holds: worked out in
/// one pass over the line, for the page's language and then for each line's share of stop
/// words in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StopCounts {
    words: u32,
    stops: [u32; LANGUAGES],
}

impl StopCounts {
    /// The counts of the words of `text`, as [`super::lines::for_each_word`] gives them.
    pub fn of(text: &str) -> StopCounts {
        let mut counts = StopCounts::default();
        super::lines::for_each_word(text, &mut String::new(), |word| {
            counts.words = counts.words.saturating_add(1);
            let bits = languages_of(word);
            if bits != 0 {
                for (language, stops) in counts.stops.iter_mut().enumerate() {
                    *stops += u32::from(bits >> language & 1);
                }
            }
        });
        counts
    }

    /// How many words there were.
    pub fn words(&self) -> usize {
        self.words as usize
    }
}

/// One language's list, or none (every line is then judged by its length alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stoplist {
    bit: u8,
}

impl Stoplist {
    /// No list: used for a page in a language none of the lists covers.
    pub const NONE: Stoplist = Stoplist { bit: 0 };

    /// True when this is no list at all.
    pub fn is_none(self) -> bool {
        self.bit == 0
    }

    /// True when `word` is on the list.
    #[cfg(test)]
    fn contains(self, word: &str) -> bool {
        languages_of(word) & self.bit != 0
    }

    /// The share of the words counted in `counts` that this list holds (none for no list).
    pub fn density(self, counts: &StopCounts) -> f64 {
        if self.is_none() || counts.words == 0 {
            return 0.0;
        }
        let stops = counts.stops[self.bit.trailing_zeros() as usize];
        f64::from(stops) / f64::from(counts.words)
    }

    /// The list that covers most of the first `limit` words of the lines counted in `lines`
    /// (whole lines: the line that reaches the limit is counted whole), if it covers at least
    /// `min_share` of them.
    pub fn choose<'c>(
        lines: impl Iterator<Item = &'c StopCounts>,
        limit: usize,
        min_share: f64,
    ) -> Stoplist {
        let mut counts = [0usize; LANGUAGES];
        let mut total = 0usize;
        for line in lines {
            if total >= limit {
                break;
            }
            total += line.words();
            for (count, &stops) in counts.iter_mut().zip(&line.stops) {
                *count += stops as usize;
            }
        }
        let Some((best, &count)) = counts.iter().enumerate().max_by_key(|(_, c)| **c) else {
            return Stoplist::NONE;
        };
        if total == 0 || (count as f64) < min_share * total as f64 {
            return Stoplist::NONE;
        }
        Stoplist { bit: 1 << best }
    }
}

#[cfg(test)]
mod tests {
    use super::super::stoptable::LONGEST;
    use super::*;

    fn choose(text: &str) -> Stoplist {
        Stoplist::choose([StopCounts::of(text)].iter(), 1000, 0.08)
    }

    #[test]
    fn the_language_of_a_page_is_the_list_that_covers_most_of_it() {
        let english = choose("It was the best of times, and it was the worst.");
        assert!(english.contains("the") && !english.contains("der"));
        let german = choose("Es war die beste Zeit, und es war die schlimmste.");
        assert!(german.contains("die") && !german.contains("the"));
        let french = choose("C'était le meilleur des temps et le pire des temps.");
        assert!(french.contains("le"));
    }

    #[test]
    fn no_stop_word_is_too_long_to_be_looked_up() {
        for list in LISTS {
            for word in list.split_whitespace() {
                assert!(word.len() <= LONGEST, "{word}");
            }
        }
    }

    #[test]
    fn every_stop_word_is_found() {
        for (bit, list) in LISTS.iter().enumerate() {
            for word in list.split_whitespace() {
                assert!(languages_of(word) & 1 << bit != 0, "{word}");
            }
        }
        assert_eq!(languages_of("economy"), 0);
        assert_eq!(languages_of(""), 0);
    }

    #[test]
    fn a_page_no_list_covers_gets_none() {
        assert!(choose("東京 大阪 京都").is_none());
        assert!(choose("").is_none());
    }
}

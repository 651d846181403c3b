// The tables of base/lexicon.h. Facts compiled for the project.
#include "base/lexicon.h"

#include "base/utf8.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>

namespace kg::lexicon {

namespace {

constexpr uint8_t P = kPersonHonorific, A = kCourtesy, C = kClauseHonorific, B = kSpelledBare, D = kSpelledDotted;
constexpr Gender kM = Gender::kMale, kF = Gender::kFemale, kU = Gender::kUnknown;

// Order fixed: the recognizer builds its feature map from it.
constexpr Honorific kHonorifics[] = {
    {"Mr", kM, P | A | C | B | D},  {"Mrs", kF, P | A | C | B | D}, {"Ms", kF, P | A | C | B | D},
    {"Miss", kF, P | A | B},        {"Mx", kU, A | B},              {"Dr", kU, P | C | B | D},
    {"Sir", kM, P | C | B},         {"Dame", kF, P | B},            {"Lord", kM, P | B},
    {"Lady", kF, P | B},            {"Rev", kU, P | B | D},         {"Reverend", kU, P | B},
    {"Doctor", kU, B},              {"Father", kM, P | B},          {"Sister", kF, P | B},
    {"Brother", kM, P | B},         {"Madam", kF, P | B},           {"Madame", kF, P | B},
    {"Monsieur", kM, P | B},        {"Herr", kM, P | B},            {"Frau", kF, P | B},
    {"Drs", kU, B | D},             {"Messrs", kU, B | D},          {"Mme", kF, B | D},
    {"Mlle", kF, B},                {"Fr", kU, D},                  {"Sr", kU, D},
    {"Se\xC3\xB1or", kM, B},        {"Senor", kM, B},               {"Sra", kF, D},
    {"King", kM, P},                {"Prince", kM, P},              {"Queen", kF, P},
    {"Princess", kF, P},            {"Prof", kU, P},                {"Professor", kU, P},
};

// Titles and offices written before a name. Multiword entries are matched
// as one phrase.
// (Several titles to a line, kept so by hand.)
// clang-format off
constexpr std::string_view kTitles[] = {
    "President", "Vice President", "Vice-President", "President-elect", "Prime Minister", "Premier",
    "Minister", "Foreign Minister", "Defence Minister", "Defense Minister", "Finance Minister",
    "Chancellor", "Secretary", "Secretary of State", "Secretary-General", "Secretary General",
    "Defense Secretary", "Defence Secretary", "Home Secretary", "Foreign Secretary", "Treasury Secretary",
    "Press Secretary", "Under Secretary", "Undersecretary", "Assistant Secretary", "Deputy Secretary",
    "National Security Adviser", "National Security Advisor", "Security Adviser", "Adviser", "Advisor",
    "Senator", "Sen.", "Sen", "Representative", "Rep.", "Congressman", "Congresswoman", "Governor", "Gov.",
    "Mayor", "Speaker", "House Speaker", "Attorney General", "Ambassador", "Envoy", "Spokesman",
    "Spokeswoman", "Spokesperson", "Chairman", "Chairwoman", "Chair", "CEO", "Chief Executive", "Director",
    "Commissioner", "Judge", "Justice", "Chief Justice", "King", "Queen", "Prince", "Princess", "Emperor",
    "Empress", "Pope", "Archbishop", "Bishop", "Cardinal", "Rabbi", "Imam", "Sheikh", "Ayatollah", "General",
    "Gen.", "Lieutenant", "Lt.", "Colonel", "Col.", "Major", "Maj.", "Captain", "Capt.", "Sergeant", "Sgt.",
    "Admiral", "Adm.", "Commander", "Marshal", "Field Marshal", "Professor", "Prof.", "Coach", "Head Coach",
    "Manager", "Leader", "Opposition Leader", "Majority Leader", "Minority Leader", "Chief of Staff",
    "Deputy", "Official", "Lawmaker", "Diplomat", "Sultan", "Crown Prince", "Saint", "St.",
    "Administrator", "Chief", "Chief Operating Officer", "Chief Financial Officer", "Chief Executive Officer",
    "CFO", "COO", "CTO", "Founder", "Co-founder", "Executive Director", "Managing Director", "Vice Chairman",
    "Vice-chairman", "Vice-chairwoman", "Co-chairman", "Co-chairwoman",
    "Editor", "Officer", "Detective", "Inspector", "Constable", "Agent", "Special Agent", "Trooper",
    "Superintendent", "Sheriff", "Councilman", "Councilwoman", "Councillor", "Councilor", "Alderman",
    "Assemblyman", "Assemblywoman", "Pastor", "Priest", "Deacon", "Chaplain", "Cleric", "Mullah", "Sheik",
    "Shaikh", "Gen", "Lt", "Col", "Capt", "Sgt", "Cpl.", "Pvt.", "Cmdr.", "Det.", "Supt.", "Pres.", "Gov",
    "Rep", "Amb.", "Minister of Defense", "Minister of Defence", "Minister of Foreign Affairs",
    "Minister of State", "Minister of the Interior", "Minister of Finance", "Secretary of Defense",
    "Secretary of the Treasury", "Secretary of Homeland Security", "Aunt", "Auntie", "Uncle", "Grandma",
    "Grandpa", "Granny", "Cousin",
};
// clang-format on

// Nationalities and group names, singular and plural.
constexpr std::string_view kNationalityWords[] = {
    "Afghan", "Afghans", "Albanian", "Algerian", "American", "Americans", "Argentine", "Argentinian",
    "Armenian", "Asian", "Asians", "Australian", "Australians", "Austrian", "Belgian", "Brazilian",
    "Brazilians", "British", "Brit", "Brits", "Briton", "Britons", "Bulgarian", "Canadian", "Canadians",
    "Chilean", "Chinese", "Colombian", "Croatian", "Cuban", "Cubans", "Czech", "Danish", "Dutch", "Egyptian",
    "Egyptians", "English", "Estonian", "Ethiopian", "European", "Europeans", "Filipino", "Finnish", "French",
    "Georgian", "German", "Germans", "Greek", "Greeks", "Hungarian", "Indian", "Indians", "Indonesian",
    "Iranian", "Iranians", "Iraqi", "Iraqis", "Irish", "Israeli", "Israelis", "Italian", "Italians",
    "Japanese", "Jordanian", "Kenyan", "Korean", "Koreans", "Kurdish", "Kurds", "Latvian", "Lebanese",
    "Libyan", "Lithuanian", "Mexican", "Mexicans", "Moroccan", "Nigerian", "Norwegian", "Pakistani",
    "Palestinian", "Palestinians", "Peruvian", "Polish", "Pole", "Poles", "Portuguese", "Romanian", "Russian",
    "Russians", "Saudi", "Saudis", "Scottish", "Scot", "Scots", "Serbian", "Serb", "Serbs", "Slovak",
    "Somali", "Spanish", "Spaniard", "Spaniards", "Swedish", "Swede", "Swedes", "Swiss", "Syrian", "Syrians",
    "Taiwanese", "Thai", "Turkish", "Turk", "Turks", "Ukrainian", "Ukrainians", "Venezuelan", "Vietnamese",
    "Welsh", "Yemeni", "African", "Africans", "Arab", "Arabs", "Arabic", "Latino", "Latinos", "Hispanic",
    "Western", "Soviet", "Soviets", "Nordic", "Baltic", "Balkan", "Persian", "Hebrew", "Jewish", "Jews",
    "Muslim", "Muslims", "Christian", "Christians", "Catholic", "Catholics", "Protestant", "Buddhist", "Hindu",
    "Sikh", "Republican", "Republicans", "Democrat", "Democrats", "Democratic", "Conservative", "Conservatives",
    "Labour", "Tory", "Tories", "Liberal", "Liberals",
};

// Last words of organization names.
// clang-format off
constexpr std::string_view kOrgWords[] = {
    "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Ltd", "Ltd.", "LLC", "plc", "PLC", "Group",
    "Company", "Holdings", "Bank", "Airlines", "Airways", "Motors", "Industries", "Technologies",
    "Systems", "Network", "Media", "Records", "Studios", "Pictures", "Press", "Times", "Post", "News",
    "Journal", "Agency", "Administration", "Authority", "Bureau", "Board", "Commission", "Committee",
    "Council", "Congress", "Parliament", "Senate", "Assembly", "Department", "Ministry", "Office",
    "Service", "Services", "Institute", "Institution", "University", "College", "School", "Academy",
    "Association", "Federation", "Foundation", "Fund", "Society", "Union", "League", "Club", "Party",
    "Organisation", "Organization", "Alliance", "Coalition", "Court", "Army", "Navy", "Police", "Guard",
    "Forces", "Church", "Orchestra", "Team", "United", "City", "FC", "Rovers",
    "Kremlin", "Pentagon", "Nato", "NATO", "UN", "EU", "FBI", "CIA", "NASA", "WHO", "IMF", "OPEC",
};
// clang-format on
// Last words of clubs' names that the recognizer's word lists (built from
// kOrgWords, a feature of the trained model) leave out.
constexpr std::string_view kClubWords[] = {"Juniors", "Wanderers", "Albion", "Hotspur", "Athletic"};

// Common nouns that stand for an organisation already named, lowercase.
constexpr std::string_view kOrganisationNouns[] = {
    "company", "firm",    "group",       "bank",    "club",   "carrier", "airline", "retailer", "giant",
    "maker",   "insurer", "broadcaster", "charity", "lender", "chain",   "operator", "conglomerate"};

// Sovereign states and common short forms of their names, with demonyms
// and the name a country is filed under when it has several.
constexpr Country kCountries[] = {
    {"Afghanistan", "Afghan", "", true},
    {"Albania", "", "", true},
    {"Algeria", "", "", true},
    {"Andorra", "", "", true},
    {"Angola", "", "", true},
    {"Argentina", "", "", true},
    {"Armenia", "", "", true},
    {"Australia", "Australian", "", true},
    {"Austria", "", "", true},
    {"Azerbaijan", "", "", true},
    {"Bahamas", "", "", true},
    {"Bahrain", "", "", true},
    {"Bangladesh", "", "", true},
    {"Barbados", "", "", true},
    {"Belarus", "Belarusian", "", true},
    {"Belgium", "Belgian", "", true},
    {"Belize", "", "", true},
    {"Benin", "", "", true},
    {"Bhutan", "", "", true},
    {"Bolivia", "", "", true},
    {"Bosnia", "", "", true},
    {"Bosnia and Herzegovina", "", "", true},
    {"Botswana", "", "", true},
    {"Brazil", "Brazilian", "", true},
    {"Brunei", "", "", true},
    {"Bulgaria", "", "", true},
    {"Burkina Faso", "", "", true},
    {"Burma", "", "", true},
    {"Burundi", "", "", true},
    {"Cambodia", "", "", true},
    {"Cameroon", "", "", true},
    {"Canada", "Canadian", "", true},
    {"Cape Verde", "", "", true},
    {"Chad", "", "", true},
    {"Chile", "", "", true},
    {"China", "Chinese", "", true},
    {"Colombia", "", "", true},
    {"Comoros", "", "", true},
    {"Congo", "", "", true},
    {"Costa Rica", "", "", true},
    {"Croatia", "", "", true},
    {"Cuba", "", "", true},
    {"Cyprus", "", "", true},
    {"Czech Republic", "", "", true},
    {"Czechia", "", "", true},
    {"Denmark", "", "", true},
    {"Djibouti", "", "", true},
    {"Dominica", "", "", true},
    {"Dominican Republic", "", "", true},
    {"East Timor", "", "", true},
    {"Ecuador", "", "", true},
    {"Egypt", "Egyptian", "", true},
    {"El Salvador", "", "", true},
    {"England", "English", "", true},
    {"Eritrea", "", "", true},
    {"Estonia", "", "", true},
    {"Eswatini", "", "", true},
    {"Ethiopia", "", "", true},
    {"Fiji", "", "", true},
    {"Finland", "", "", true},
    {"France", "French", "", true},
    {"Gabon", "", "", true},
    {"Gambia", "", "", true},
    {"Georgia", "Georgian", "", true},
    {"Germany", "German", "", true},
    {"Ghana", "", "", true},
    {"Great Britain", "British", "United Kingdom", true},
    {"Britain", "British", "United Kingdom", true},
    {"Greece", "Greek", "", true},
    {"Grenada", "", "", true},
    {"Guatemala", "", "", true},
    {"Guinea", "", "", true},
    {"Guyana", "", "", true},
    {"Haiti", "", "", true},
    {"Honduras", "", "", true},
    {"Hungary", "", "", true},
    {"Iceland", "", "", true},
    {"India", "Indian", "", true},
    {"Indonesia", "", "", true},
    {"Iran", "Iranian", "", true},
    {"Iraq", "Iraqi", "", true},
    {"Ireland", "Irish", "", true},
    {"Israel", "Israeli", "", true},
    {"Italy", "Italian", "", true},
    {"Ivory Coast", "", "", true},
    {"Jamaica", "", "", true},
    {"Japan", "Japanese", "", true},
    {"Jordan", "", "", true},
    {"Kazakhstan", "", "", true},
    {"Kenya", "Kenyan", "", true},
    {"Kiribati", "", "", true},
    {"Kosovo", "", "", true},
    {"Kuwait", "", "", true},
    {"Kyrgyzstan", "", "", true},
    {"Laos", "", "", true},
    {"Latvia", "", "", true},
    {"Lebanon", "", "", true},
    {"Lesotho", "", "", true},
    {"Liberia", "", "", true},
    {"Libya", "", "", true},
    {"Liechtenstein", "", "", true},
    {"Lithuania", "", "", true},
    {"Luxembourg", "", "", true},
    {"Madagascar", "", "", true},
    {"Malawi", "", "", true},
    {"Malaysia", "", "", true},
    {"Maldives", "", "", true},
    {"Mali", "", "", true},
    {"Malta", "", "", true},
    {"Mauritania", "", "", true},
    {"Mauritius", "", "", true},
    {"Mexico", "Mexican", "", true},
    {"Micronesia", "", "", true},
    {"Moldova", "", "", true},
    {"Monaco", "", "", true},
    {"Mongolia", "", "", true},
    {"Montenegro", "", "", true},
    {"Morocco", "", "", true},
    {"Mozambique", "", "", true},
    {"Myanmar", "", "", true},
    {"Namibia", "", "", true},
    {"Nauru", "", "", true},
    {"Nepal", "", "", true},
    {"Netherlands", "Dutch", "", true},
    {"Holland", "", "", true},
    {"New Zealand", "", "", true},
    {"Nicaragua", "", "", true},
    {"Niger", "", "", true},
    {"Nigeria", "Nigerian", "", true},
    {"North Korea", "North Korean", "", true},
    {"North Macedonia", "", "", true},
    {"Macedonia", "", "", true},
    {"Northern Ireland", "", "", true},
    {"Norway", "Norwegian", "", true},
    {"Oman", "", "", true},
    {"Pakistan", "Pakistani", "", true},
    {"Palau", "", "", true},
    {"Palestine", "", "", true},
    {"Panama", "", "", true},
    {"Papua New Guinea", "", "", true},
    {"Paraguay", "", "", true},
    {"Peru", "", "", true},
    {"Philippines", "", "", true},
    {"Poland", "Polish", "", true},
    {"Portugal", "Portuguese", "", true},
    {"Qatar", "", "", true},
    {"Romania", "", "", true},
    {"Russia", "Russian", "", true},
    {"Russian Federation", "", "", true},
    {"Rwanda", "", "", true},
    {"Samoa", "", "", true},
    {"San Marino", "", "", true},
    {"Saudi Arabia", "Saudi", "", true},
    {"Scotland", "Scottish", "", true},
    {"Senegal", "", "", true},
    {"Serbia", "", "", true},
    {"Seychelles", "", "", true},
    {"Sierra Leone", "", "", true},
    {"Singapore", "", "", true},
    {"Slovakia", "", "", true},
    {"Slovenia", "", "", true},
    {"Somalia", "", "", true},
    {"South Africa", "South African", "", true},
    {"South Korea", "South Korean", "", true},
    {"Korea", "", "", true},
    {"South Sudan", "", "", true},
    {"Spain", "Spanish", "", true},
    {"Sri Lanka", "", "", true},
    {"Sudan", "", "", true},
    {"Suriname", "", "", true},
    {"Sweden", "Swedish", "", true},
    {"Switzerland", "", "", true},
    {"Syria", "Syrian", "", true},
    {"Taiwan", "Taiwanese", "", true},
    {"Tajikistan", "", "", true},
    {"Tanzania", "", "", true},
    {"Thailand", "", "", true},
    {"Togo", "", "", true},
    {"Tonga", "", "", true},
    {"Trinidad and Tobago", "", "", true},
    {"Tunisia", "", "", true},
    {"Turkey", "Turkish", "", true},
    {"Turkmenistan", "", "", true},
    {"Tuvalu", "", "", true},
    {"Uganda", "", "", true},
    {"Ukraine", "Ukrainian", "", true},
    {"United Arab Emirates", "", "", true},
    {"UAE", "", "", true},
    {"United Kingdom", "British", "United Kingdom", true},
    {"UK", "British", "United Kingdom", true},
    {"U.K.", "British", "United Kingdom", true},
    {"United States", "American", "United States", true},
    {"United States of America", "", "", true},
    {"US", "American", "United States", true},
    {"U.S.", "American", "United States", true},
    {"USA", "American", "United States", true},
    {"U.S.A.", "American", "United States", true},
    {"America", "American", "United States", true},
    {"Uruguay", "", "", true},
    {"Uzbekistan", "", "", true},
    {"Vanuatu", "", "", true},
    {"Vatican", "", "", true},
    {"Venezuela", "", "", true},
    {"Vietnam", "Vietnamese", "", true},
    {"Wales", "Welsh", "", true},
    {"Yemen", "", "", true},
    {"Zambia", "", "", true},
    {"Zimbabwe", "", "", true},
    {"Soviet Union", "Soviet", "", true},
    {"USSR", "", "", true},
    {"Yugoslavia", "", "", true},
    {"Czechoslovakia", "", "", true},
    {"European Union", "European", "", false},
};

constexpr std::string_view kGenericRoles[] = {"leader", "counterpart", "official", "head", "chief", "officer"};
constexpr std::string_view kTitleRoles[] = {
    "president", "premier", "minister", "chancellor", "secretary", "chairman", "chairwoman", "senator",
    "governor", "mayor", "king", "queen", "prince", "ambassador", "envoy", "spokesman", "spokeswoman",
    "adviser", "advisor", "director", "commissioner", "general", "pope", "speaker", "coach", "manager",
};

constexpr std::string_view kPersonDescriptors[] = {
    // occupations
    "singer", "novelist", "author", "writer", "poet", "playwright", "composer", "actor", "actress", "comedian",
    "presenter", "broadcaster", "journalist", "rapper", "guitarist", "drummer", "bassist", "artist", "designer",
    "photographer", "director", "producer", "sprinter", "athlete", "hurdler", "runner", "boxer", "golfer", "cyclist",
    "swimmer", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "economist", "analyst", "banker",
    "tycoon", "billionaire", "businessman", "businesswoman", "entrepreneur", "investor", "lawyer", "scientist",
    "veteran", "legend", "star", "champion", "youngster", "newcomer", "rookie", "teenager", "conductor", "farmer",
    "pianist", "violinist", "dancer", "ballerina", "chef", "director-general", "sculptor", "painter", "architect",
    // group and nationality nouns
    "compatriot", "compatriots", "countryman", "countrymen", "teammate", "team-mate", "swede", "dane", "scot", "briton",
    "britons", "frenchman", "dutchman", "welshman", "englishman", "irishman", "irishmen", "spaniard", "argentine",
    "finn", "pole", "turk"};

constexpr std::string_view kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};
// Months that are also given names: a calendar word only when the reader says so.
constexpr std::string_view kGivenNameMonths[] = {"april", "may", "june", "august"};
constexpr std::string_view kMonthAbbreviations[] = {"jan", "feb", "mar", "apr", "jun", "jul",
                                                    "aug", "sep", "sept", "oct", "nov", "dec"};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `word` equals `entry` with ASCII case ignored.
bool equals_folded(std::string_view entry, std::string_view word) {
  if (entry.size() != word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (lower(entry[i]) != lower(word[i])) return false;
  }
  return true;
}

template <typename List>
bool listed(const List& list, std::string_view word) {
  return std::any_of(std::begin(list), std::end(list), [&](std::string_view e) { return equals_folded(e, word); });
}

// Whether `word` is an entry of `list`, compared exactly (the callers pass
// lowercase lemmas or words).
template <typename List>
bool holds(const List& list, std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

std::string_view without_final_stop(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  return word;
}

const Honorific* find_honorific(std::string_view word, uint8_t uses) {
  word = without_final_stop(word);
  for (const Honorific& h : kHonorifics) {
    if ((h.uses & uses) && equals_folded(h.word, word)) return &h;
  }
  return nullptr;
}

}  // namespace

const std::vector<Honorific>& honorifics() {
  static const std::vector<Honorific> all(std::begin(kHonorifics), std::end(kHonorifics));
  return all;
}

bool is_honorific(std::string_view word, uint8_t uses) { return find_honorific(word, uses) != nullptr; }

std::optional<Gender> honorific_gender(std::string_view word) {
  const Honorific* h = find_honorific(word, kPersonHonorific);
  return h ? std::optional<Gender>(h->gender) : std::nullopt;
}

// Given names common in English-language news, by gender. Names given to
// men and women alike are in neither list.
constexpr std::string_view kMaleGivenNames[] = {
    "aaron",       "adam",     "adrian",   "ahmed",    "alan",     "alastair", "albert",    "alexander", "alistair",
    "andre",       "andrew",   "andy",     "angus",    "anthony",  "antonio",  "ariel",     "arnold",    "arsene",
    "arthur",      "barack",   "barry",    "ben",      "benjamin", "bernard",  "bill",      "billy",     "bob",
    "bobby",       "boris",    "brad",     "brian",    "bruce",    "bryan",    "carl",      "carlos",    "charles",
    "christopher", "clive",    "colin",    "craig",    "dan",      "daniel",   "darren",    "dave",      "david",
    "dean",        "dennis",   "derek",    "dmitry",   "don",      "donald",   "doug",      "douglas",   "duncan",
    "dwight",      "ed",       "eddie",    "edward",   "emmanuel", "eric",     "ethan",     "eugene",    "evan",
    "francesco",   "francois", "frank",    "fred",     "gareth",   "gary",     "gavin",     "geoff",     "geoffrey",
    "george",      "gerald",   "gerard",   "gerhard",  "giuseppe", "glenn",    "gordon",    "graham",    "greg",
    "gregory",     "gustavo",  "hans",     "harold",   "harry",    "hassan",   "henry",     "howard",    "hugh",
    "ian",         "igor",     "ivan",     "jack",     "jacques",  "jake",     "james",     "jason",     "jeff",
    "jeffrey",     "jeremy",   "jermain",  "jermaine", "jerry",    "jim",      "jimmy",     "joe",       "john",
    "johnny",      "jon",      "jonathan", "jonny",    "jose",     "joseph",   "juan",      "justin",    "keith",
    "ken",         "kenneth",  "kenny",    "kevin",    "kieron",   "klaus",    "kofi",      "kyle",      "larry",
    "lawrence",    "lleyton",  "louis",    "luis",     "luke",     "malcolm",  "marat",     "marco",     "mark",
    "martin",      "matt",     "matthew",  "michael",  "miguel",   "mike",     "mohammed",  "muhammad",  "nathan",
    "neil",        "nicholas", "nick",     "nigel",    "oliver",   "omar",     "owen",      "patrick",   "paul",
    "pedro",       "peter",    "phil",     "philip",   "pierre",   "rafael",   "ralph",     "ray",       "raymond",
    "richard",     "rick",     "rob",      "robbie",   "robert",   "roger",    "ron",       "ronald",    "rory",
    "roy",         "russell",  "ryan",     "samuel",   "scott",    "sean",     "sebastian", "sergei",    "sergey",
    "shane",       "silvio",   "simon",    "stephen",  "steve",    "steven",   "stuart",    "sven",      "ted",
    "terry",       "thierry",  "thomas",   "tim",      "timothy",  "tom",      "tony",      "trevor",    "tyler",
    "vincent",     "vladimir", "walter",   "wayne",    "wesley",   "william",  "yasser",    "yuri",      "zachary"};
constexpr std::string_view kFemaleGivenNames[] = {
    "alice",    "amanda",  "amber",     "amelia",   "amelie",    "amy",       "ana",       "anastasia",  "angela",
    "angie",    "ann",     "anna",      "anne",     "barbara",   "becky",     "beth",      "betty",      "beverly",
    "brenda",   "britney", "carol",     "caroline", "carolyn",   "cate",      "catherine", "cathy",      "charlotte",
    "cherie",   "cheryl",  "chloe",     "chrissie", "christina", "christine", "claire",    "clare",      "cynthia",
    "danielle", "debbie",  "deborah",   "debra",    "denise",    "diana",     "diane",     "donna",      "doris",
    "dorothy",  "elena",   "elizabeth", "ellie",    "emily",     "emma",      "eva",       "evelyn",     "fiona",
    "frances",  "gillian", "gloria",    "grace",    "gwyneth",   "hannah",    "harriet",   "hayley",     "hazel",
    "heather",  "helen",   "hillary",   "holly",    "irene",     "irina",     "isabella",  "jacqueline", "jane",
    "janet",    "janice",  "jennifer",  "jenny",    "jessica",   "jill",      "joan",      "joanna",     "joyce",
    "judith",   "judy",    "julia",     "julie",    "justine",   "karen",     "kate",      "katerina",   "katherine",
    "kathleen", "kathryn", "kathy",     "keira",    "kimberly",  "kirsty",    "kylie",     "laura",      "lauren",
    "linda",    "lisa",    "liz",       "louise",   "lucy",      "madonna",   "margaret",  "maria",      "marie",
    "marilyn",  "martha",  "martina",   "mary",     "megan",     "melissa",   "michelle",  "molly",      "nancy",
    "natalia",  "natalie", "nicole",    "olga",     "olivia",    "pamela",    "patricia",  "paula",      "penelope",
    "rachel",   "rebecca", "rose",      "ruth",     "sally",     "samantha",  "sandra",    "sara",       "sarah",
    "serena",   "sharon",  "sheila",    "shirley",  "sophia",    "sophie",    "stephanie", "sue",        "susan",
    "svetlana", "tatiana", "teresa",    "tessa",    "theresa",   "tina",      "tracey",    "tracy",      "ursula",
    "valerie",  "venus",   "vera",      "victoria", "virginia",  "wendy",     "yelena",    "yvonne",     "zara",
    "zoe"};

// (Searched by halves: both lists must stay sorted.)
static_assert(std::is_sorted(std::begin(kMaleGivenNames), std::end(kMaleGivenNames)));
static_assert(std::is_sorted(std::begin(kFemaleGivenNames), std::end(kFemaleGivenNames)));

Gender given_name_gender(std::string_view word) {
  std::string key(word);
  for (char& c : key) c = lower(c);
  if (std::binary_search(std::begin(kMaleGivenNames), std::end(kMaleGivenNames), key)) return Gender::kMale;
  if (std::binary_search(std::begin(kFemaleGivenNames), std::end(kFemaleGivenNames), key)) return Gender::kFemale;
  return Gender::kUnknown;
}

std::vector<std::string_view> gendered_honorifics() {
  // Lowercase copies live as long as the program: callers build keys from them.
  static const std::vector<std::string> lowered = [] {
    std::vector<std::string> out;
    for (const Honorific& h : kHonorifics) {
      if (!(h.uses & kPersonHonorific) || h.gender == Gender::kUnknown) continue;
      std::string w(h.word);
      for (char& c : w) c = lower(c);
      out.push_back(std::move(w));
    }
    return out;
  }();
  return {lowered.begin(), lowered.end()};
}

const std::vector<std::string_view>& titles() {
  static const std::vector<std::string_view> all(std::begin(kTitles), std::end(kTitles));
  return all;
}

bool is_title(std::string_view word) { return listed(kTitles, word); }

RoleNoun role_noun(std::string_view lowercase_lemma) {
  if (holds(kGenericRoles, lowercase_lemma)) {
    return RoleNoun::kGeneric;
  }
  if (holds(kTitleRoles, lowercase_lemma)) {
    return RoleNoun::kTitle;
  }
  return RoleNoun::kNone;
}

bool person_descriptor(std::string_view word) { return listed(kPersonDescriptors, word); }

bool is_weekday(std::string_view word) { return listed(kWeekdays, word); }
bool is_month(std::string_view word) { return listed(kMonths, word); }

bool is_calendar_word(std::string_view word, bool given_names) {
  word = without_final_stop(word);
  if (is_weekday(word) || listed(kMonthAbbreviations, word)) return true;
  if (!is_month(word)) return false;
  return given_names || !listed(kGivenNameMonths, word);
}

bool opens_newspaper_name(std::string_view word, std::string_view next) {
  static constexpr std::string_view kPapers[] = {"Times",       "Telegraph", "Mirror",   "Express", "Herald",
                                                 "Post",        "Mail",      "People",   "Sport",   "Tribune",
                                                 "Independent", "Star",      "Business", "Mercury"};
  return word == "Sunday" && holds(kPapers, next);
}

const std::vector<Country>& countries() {
  static const std::vector<Country> all(std::begin(kCountries), std::end(kCountries));
  return all;
}

const Country* find_country(std::string_view name) {
  for (const Country& c : kCountries) {
    if (equals_folded(c.name, name)) return &c;
  }
  return nullptr;
}

std::string_view demonym_of(std::string_view name) {
  if (const Country* c = find_country(name)) return c->demonym;
  for (const Country& c : kCountries) {  // a demonym is its own demonym
    if (!c.demonym.empty() && equals_folded(c.demonym, name)) return c.demonym;
  }
  return {};
}

const std::vector<std::string_view>& nationality_words() {
  static const std::vector<std::string_view> all(std::begin(kNationalityWords), std::end(kNationalityWords));
  return all;
}

bool is_nationality_word(std::string_view word) { return listed(kNationalityWords, word); }

bool ends_organisation_name(std::string_view last_word, bool place, bool person) {
  static constexpr std::string_view kBusinessWords[] = {
      "Brothers",     "Labs",           "Laboratories", "Communications",  "Securities", "Capital",     "Partners",
      "Research",     "Foods",          "Energy",       "Entertainment",   "Publishing", "Telecom",     "Electronics",
      "Investments",  "Insurance",      "Consulting",   "Pharmaceuticals", "Petroleum",  "Resources",   "Ventures",
      "Software",     "Airline",        "Shipping",     "Robotics",        "Logistics",  "Freight",     "Aviation",
      "Engineering",  "Chemicals",      "Mining",       "Semiconductor",   "Solutions",  "Enterprises", "Steel",
      "Financial",    "Pharmaceutical", "Holdings",     "Motors",          "Airways",    "Airlines",    "Systems",
      "Technologies", "Networks",       "Industries",   "Boerse",          "Bourse",     "Oil",         "Studios",
      "Records",      "Pictures"};
  static constexpr std::string_view kAlsoSurnames[] = {"Church", "Bank",  "Post",   "Press",   "Times", "News",
                                                       "Court",  "Guard", "United", "Service", "Fund",  "Team",
                                                       "Army",   "Navy",  "Steel",  "Gold"};
  if (last_word == "City") return false;
  if (person && holds(kAlsoSurnames, last_word)) {
    return false;
  }
  return (!place && is_organisation_word(last_word)) || holds(kBusinessWords, last_word);
}

std::string_view chamber_canonical(std::string_view name) {
  const std::string lower = utf8::ascii_lowercase(name);
  if (lower == "commons" || lower == "house of commons") return "House of Commons";
  if (lower == "lords" || lower == "house of lords") return "House of Lords";
  return {};
}

std::string_view party_canonical(std::string_view name) {
  struct Party {
    std::string_view name, canonical;
  };
  static constexpr Party kParties[] = {{"Conservatives", "Conservatives"},
                                       {"Conservative Party", "Conservatives"},
                                       {"Tories", "Conservatives"},
                                       {"Tory Party", "Conservatives"},
                                       {"Labour", "Labour"},
                                       {"Labour Party", "Labour"},
                                       {"Liberal Democrats", "Liberal Democrats"},
                                       {"Lib Dems", "Liberal Democrats"},
                                       {"Lib Dem", "Liberal Democrats"},
                                       {"Liberal Democrat", "Liberal Democrats"},
                                       {"Liberal Democrat Party", "Liberal Democrats"},
                                       {"SNP", "SNP"},
                                       {"Scottish National Party", "SNP"},
                                       {"Plaid Cymru", "Plaid Cymru"},
                                       {"UKIP", "UKIP"},
                                       {"UK Independence Party", "UKIP"},
                                       {"Republican Party", "Republican Party"},
                                       {"Republicans", "Republican Party"},
                                       {"Democratic Party", "Democratic Party"},
                                       {"Green Party", "Green Party"}};
  for (const Party& p : kParties) {
    if (p.name.size() == name.size() && utf8::ascii_lowercase(p.name) == utf8::ascii_lowercase(name)) return p.canonical;
  }
  return {};
}

std::span<const PartyAdjective> party_adjectives() {
  static constexpr PartyAdjective kAdjectives[] = {
      {"Conservative", "", "Conservatives"},  {"Tory", "", "Conservatives"},     {"Labour", "", "Labour"},
      {"Liberal", "Democrat", "Liberal Democrats"}, {"Lib", "Dem", "Liberal Democrats"}, {"SNP", "", "SNP"},
      {"Plaid", "", "Plaid Cymru"},          {"UKIP", "", "UKIP"},              {"Republican", "", "Republican Party"},
      {"Democratic", "", "Democratic Party"}};
  return kAdjectives;
}

const std::vector<std::string_view>& organisation_words() {
  static const std::vector<std::string_view> all(std::begin(kOrgWords), std::end(kOrgWords));
  return all;
}

bool is_organisation_word(std::string_view word) { return listed(kOrgWords, word) || listed(kClubWords, word); }

bool is_organisation_descriptor(std::string_view lowercase_lemma) {
  static constexpr std::string_view kDescriptors[] = {
      "publisher", "watchdog",    "regulator",    "agency",       "manufacturer", "supermarket", "brewer",
      "label",     "newspaper",   "magazine",     "channel",      "network",      "union",       "body",
      "studio",    "consortium",  "fund",         "exchange",     "carmaker",     "chipmaker",   "drugmaker",
      "website",   "tabloid",     "organisation", "organization", "association",  "federation",  "band",
      "outfit",    "broadcaster", "party"};
  return is_organisation_noun(lowercase_lemma) || holds(kDescriptors, lowercase_lemma);
}

bool is_organisation_noun(std::string_view lowercase_lemma) { return holds(kOrganisationNouns, lowercase_lemma); }

bool is_institution_head(std::string_view lowercase_lemma) {
  static constexpr std::string_view kHeads[] = {
      "academy",      "agency",       "alliance",   "association", "authority", "board",  "bureau",
      "coalition",    "college",      "commission", "committee",   "council",   "court",  "department",
      "federation",   "foundation",   "institute",  "league",      "ministry",  "museum", "orchestra",
      "organisation", "organization", "party",      "society",     "tribunal",  "union",  "university"};
  return holds(kHeads, lowercase_lemma);
}

bool ends_event_name(std::string_view last_word) {
  static constexpr std::string_view kEventWords[] = {
      "championships", "championship", "games",      "olympics", "cup",  "marathon", "prix", "festival", "awards",
      "summit",        "conference",   "tournament", "trophy",   "expo", "indoors",  "open", "election"};
  return std::any_of(std::begin(kEventWords), std::end(kEventWords),
                     [&](std::string_view e) { return equals_folded(e, last_word); });
}

bool is_award_name(std::string_view name) {
  static constexpr std::string_view kAwards[] = {"Oscar",        "Oscars",        "Bafta",      "Baftas",     "BAFTA",
                                                 "BAFTAs",       "Emmy",          "Emmys",      "Grammy",     "Grammys",
                                                 "Golden Globe", "Golden Globes", "Grand Slam", "Grand Slams"};
  return holds(kAwards, name);
}

bool is_event_description(std::string_view lowercase_lemma, bool any_event) {
  // ("the event", "the race" and "the competition" were measured and left
  // out: in athletics they are as often a race inside a named meeting, or
  // one nobody named; so is "the marathon" at the Athens Olympics.)
  static constexpr std::string_view kAnyEvent[] = {"tournament"};
  static constexpr std::string_view kOwnName[] = {"festival", "conference", "summit", "games",
                                                  "olympics", "open",       "cup",    "awards"};
  return holds(kAnyEvent, lowercase_lemma) || (!any_event && holds(kOwnName, lowercase_lemma));
}

bool is_event_or_venue_noun(std::string_view lowercase_lemma, bool* event) {
  static constexpr std::string_view kEvents[] = {
      "show",          "festival",   "conference", "summit",   "fair", "exhibition", "tournament", "championship",
      "championships", "convention", "expo",       "marathon", "race", "concert",    "ceremony"};
  // (Not "centre" or "studio": "a Tesco distribution centre in the UK" is
  // one of the company's, not where it is.)
  static constexpr std::string_view kVenues[] = {"gallery", "museum",    "theatre", "theater",  "stadium", "arena",
                                                 "hall",    "cathedral", "hotel",   "hospital", "prison",  "airport"};
  if (holds(kEvents, lowercase_lemma)) {
    *event = true;
    return true;
  }
  *event = false;
  return holds(kVenues, lowercase_lemma);
}

bool is_reporting_verb(std::string_view lowercase_lemma) {
  static constexpr std::string_view kVerbs[] = {
      "say",     "tell",     "add",      "explain", "claim",   "warn",    "argue",   "insist",  "note",
      "comment", "call",     "reply",    "admit",   "stress",  "joke",    "recall",  "confirm", "conclude",
      "concede", "continue", "question", "believe", "predict", "suggest", "describe"};
  return holds(kVerbs, lowercase_lemma);
}

bool is_modal_verb(std::string_view lowercase_lemma) {
  // ("will": a future event is not yet a fact, and is shown as one to come.)
  static constexpr std::string_view kModals[] = {"can",   "could",  "may",   "might", "must",
                                                 "shall", "should", "would", "will",  "ought"};
  return holds(kModals, lowercase_lemma);
}

bool is_quantity_noun(std::string_view lowercase_word) {
  static constexpr std::string_view kQuantities[] = {"number",  "lot",    "host",    "range",  "series",
                                                     "variety", "couple", "handful", "string", "list",
                                                     "raft",    "total",  "amount",  "dozen"};
  return holds(kQuantities, lowercase_word);
}

bool is_band_position(std::string_view lowercase_word) {
  static constexpr std::string_view kBand[] = {"guitarist", "drummer",     "bassist",
                                               "frontman",  "keyboardist", "vocalist"};
  return holds(kBand, lowercase_word);
}

bool is_position_noun(std::string_view lowercase_word) {
  // clang-format off
  static constexpr std::string_view kPositions[] = {"keeper",    "goalkeeper", "striker",    "midfielder", "defender",
                                                    "winger",    "wing",       "forward",    "captain",    "skipper",    "full-back",
                                                    "fly-half",  "scrum-half", "flanker",    "hooker",     "prop",
                                                    "lock",      "centre",     "left-back",  "right-back", "centre-back",
                                                    "centre-half", "boss",
                                                    "economist", "analyst",    "strategist", "champion",   "winner",
                                                    "nominee",   "runner-up",
                                                    "correspondent", "journalist", "reporter",   "columnist"};
  // clang-format on
  return is_band_position(lowercase_word) || holds(kPositions, lowercase_word);
}

}  // namespace kg::lexicon

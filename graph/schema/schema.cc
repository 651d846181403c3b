#include "graph/schema/schema.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

namespace kg::schema {
namespace {

constexpr TypeSet kActor = kPerson | kOrg | kLoc;  // who acts in news: people, organisations, countries
constexpr TypeSet kParty = kPerson | kOrg;
constexpr TypeSet kWork = kMisc | kOrg;            // films, shows, albums, products, awards (NER often says ORG)

// The schema, after the TAC-KBP slot relations and the ACE/ERE event types,
// kept to what BBC-style news states between two names.
constexpr std::array<RelationKind, 27> kKinds = {{
    {"meets", "met, held talks or spoke with", kActor, kActor, true, "meet, meet with, hold talk with, speak with"},
    {"tells", "told, addressed or wrote to", kParty, kActor, false, "tell, speak to, write to, brief"},
    {"visits", "went to or visited", kParty, kLoc | kOrg, false, "visit, travel to, arrive in, tour"},
    {"leads", "leads, heads, runs or coaches", kPerson, kOrg | kLoc, false, "lead, chair, run, coach, be headed by"},
    {"works_for", "works for or at", kPerson, kOrg, false, "work for, work at, be employed by"},
    {"member_of", "joined, plays for or belongs to", kPerson, kOrg | kLoc, false, "join, play for, sign for, rejoin"},
    {"leaves", "left, quit or resigned from", kPerson, kOrg, false, "leave, quit, resign from"},
    {"located_in", "is based, situated or held in", kOrg | kLoc | kMisc, kLoc, false,
     "be based in, be located in, be held in"},
    {"from", "was born in or comes from", kPerson, kLoc, false, "be born in, come from, grow up in"},
    {"married_to", "married or is married to", kPerson, kPerson, true, "marry, be married to, divorce, wife of"},
    {"relative_of", "is a parent, child, sibling or other relative of", kPerson, kPerson, false,
     "son of, daughter of, father of, brother of"},
    {"acquires", "bought, bid for or took over", kParty, kOrg | kMisc, false, "buy, acquire, take over, bid for"},
    {"sells", "sold", kParty, kOrg | kMisc, false, "sell, sell off"},
    {"owns", "owns or controls", kParty, kOrg | kMisc, false, "own, control"},
    {"founds", "founded, set up or launched", kParty, kOrg | kMisc, false, "found, establish, set up, launch"},
    {"merges_with", "merged or combined with", kOrg, kOrg, true, "merge with, combine with"},
    {"partners_with", "signed a deal, allied or worked with", kActor, kActor, true,
     "sign deal with, partner with, team up with, work with"},
    {"legal_action", "sued, charged, fined, investigated or arrested", kActor, kActor, false,
     "sue, charge, fine, prosecute, investigate, arrest"},
    {"supports", "supported, backed, praised or defended", kActor, kNamed, false, "support, back, praise, defend"},
    {"criticises", "criticised, accused, blamed or attacked", kActor, kNamed, false,
     "criticise, accuse, blame, condemn, attack"},
    {"appoints", "appointed, elected, named or signed", kActor, kPerson, false, "appoint, elect, name, hire, sign"},
    {"beats", "beat or defeated (sport, elections, business)", kActor, kActor, false,
     "beat, defeat, win over, knock out, be beaten by"},
    {"plays_against", "played or faced (sport)", kActor, kActor, true, "play, face, draw with, take on"},
    {"appears_in", "stars in, directs, wrote or presents a work", kPerson | kOrg, kWork, false,
     "star in, appear in, direct, write, present"},
    {"wins", "won an award, prize, title or contest", kActor, kMisc | kOrg, false, "win, receive, collect, scoop"},
    {"nominated_for", "was nominated or shortlisted for an award", kActor, kMisc | kOrg, false,
     "be nominated for, be shortlisted for"},
    {"takes_part_in", "took part, competed or spoke in an event, or attended it", kActor, kMisc | kOrg, false,
     "take part in, compete in, attend, speak at, make speech at, perform at"},
}};

struct PhraseRule {
  std::string_view phrase;
  std::string_view kind;
  bool reversed = false;
};

// Lemma phrases as the extractor writes them (passives are "be" + participle).
// (Several phrases to a line, kept so by hand.)
// clang-format off
constexpr PhraseRule kRules[] = {
    {"meet", "meets"}, {"meet with", "meets"}, {"hold talk with", "meets"}, {"have talk with", "meets"},
    {"talk with", "meets"}, {"speak with", "meets"}, {"meet up with", "meets"},
    {"tell", "tells"}, {"speak to", "tells"}, {"write to", "tells"}, {"say to", "tells"}, {"brief", "tells"},
    {"address", "tells"}, {"inform", "tells"}, {"talk to", "tells"},
    {"visit", "visits"}, {"travel to", "visits"}, {"fly to", "visits"}, {"arrive in", "visits"}, {"tour", "visits"},
    {"lead", "leads"}, {"chair", "leads"}, {"run", "leads"}, {"captain", "leads"},
    {"coach", "leads"}, {"manage", "leads"}, {"be led by", "leads", true}, {"be headed by", "leads", true},
    {"be run by", "leads", true}, {"be managed by", "leads", true}, {"be coached by", "leads", true},
    {"work for", "works_for"}, {"work at", "works_for"}, {"be employed by", "works_for"},
    {"join", "member_of"}, {"rejoin", "member_of"}, {"play for", "member_of"}, {"sign for", "member_of"},
    {"score for", "member_of"},
    {"move to", "member_of"}, {"be member of", "member_of"}, {"represent", "member_of"},
    {"leave", "leaves"}, {"quit", "leaves"}, {"resign from", "leaves"}, {"depart", "leaves"},
    {"join from", "leaves"}, {"rejoin from", "leaves"}, {"sign from", "leaves"}, {"move from", "leaves"},
    {"be based in", "located_in"}, {"be located in", "located_in"}, {"be headquartered in", "located_in"},
    {"be held in", "located_in"}, {"take place in", "located_in"},
    {"be born in", "from"}, {"come from", "from"}, {"grow up in", "from"},
    {"marry", "married_to"}, {"be married to", "married_to"}, {"wed", "married_to"}, {"divorce", "married_to"},
    {"wife of", "married_to"}, {"husband of", "married_to"}, {"widow of", "married_to"},
    {"widower of", "married_to"}, {"former wife of", "married_to"}, {"former husband of", "married_to"},
    {"son of", "relative_of"}, {"daughter of", "relative_of"}, {"father of", "relative_of"},
    {"mother of", "relative_of"}, {"brother of", "relative_of"}, {"sister of", "relative_of"},
    {"buy", "acquires"}, {"acquire", "acquires"}, {"take over", "acquires"}, {"purchase", "acquires"},
    {"bid for", "acquires"}, {"buy stake in", "acquires"}, {"take stake in", "acquires"},
    {"be bought by", "acquires", true}, {"be acquired by", "acquires", true}, {"be taken over by", "acquires", true},
    {"sell", "sells"}, {"sell off", "sells"}, {"sell stake in", "sells"}, {"sell % of", "sells"},
    {"buy % of", "acquires"}, {"own % of", "owns"}, {"own stake in", "owns"}, {"hold stake in", "owns"},
    {"hold % of", "owns"},
    {"own", "owns"}, {"control", "owns"},
    {"found", "founds"}, {"co-found", "founds"}, {"establish", "founds"}, {"set up", "founds"},
    {"launch", "founds"}, {"form", "founds"}, {"create", "founds"}, {"help to launch", "founds"},
    {"help to found", "founds"}, {"help to set up", "founds"}, {"help to establish", "founds"},
    {"be founded by", "founds", true}, {"be established by", "founds", true}, {"be set up by", "founds", true},
    {"be launched by", "founds", true}, {"be formed by", "founds", true}, {"be created by", "founds", true}, {"be owned by", "owns", true}, {"be controlled by", "owns", true},
    {"merge with", "merges_with"}, {"combine with", "merges_with"},
    {"sign deal with", "partners_with"}, {"agree deal with", "partners_with"}, {"strike deal with", "partners_with"},
    {"partner with", "partners_with"}, {"team up with", "partners_with"}, {"work with", "partners_with"},
    {"ally with", "partners_with"}, {"collaborate with", "partners_with"}, {"cooperate with", "partners_with"},
    {"sign contract with", "partners_with"}, {"sign accord with", "partners_with"},
    {"sign agreement with", "partners_with"}, {"sign pact with", "partners_with"}, {"reach deal with", "partners_with"},
    {"reach agreement with", "partners_with"}, {"hold meeting with", "meets"},
    {"sue", "legal_action"}, {"charge", "legal_action"}, {"fine", "legal_action"}, {"prosecute", "legal_action"},
    {"investigate", "legal_action"}, {"arrest", "legal_action"}, {"take to court", "legal_action"},
    {"convict", "legal_action"}, {"suspend", "legal_action"},
    {"be suspended by", "legal_action", true}, {"jail", "legal_action"}, {"indict", "legal_action"}, {"ban", "legal_action"},
    {"be sued by", "legal_action", true}, {"be charged by", "legal_action", true},
    {"be fined by", "legal_action", true}, {"be investigated by", "legal_action", true},
    {"be banned by", "legal_action", true}, {"be arrested by", "legal_action", true},
    {"file lawsuit against", "legal_action"}, {"bring case against", "legal_action"},
    {"press charge against", "legal_action"},
    {"support", "supports"}, {"back", "supports"}, {"endorse", "supports"}, {"praise", "supports"},
    {"defend", "supports"}, {"welcome", "supports"}, {"hail", "supports"}, {"vote for", "supports"},
    {"side with", "supports"}, {"thank", "supports"}, {"congratulate", "supports"},
    {"heap praise on", "supports"}, {"pay tribute to", "supports"}, {"give support to", "supports"},
    {"lend support to", "supports"}, {"throw support behind", "supports"}, {"launch attack on", "criticises"},
    {"direct criticism at", "criticises"}, {"level criticism at", "criticises"},
    {"be backed by", "supports", true}, {"be supported by", "supports", true}, {"be praised by", "supports", true},
    {"criticise", "criticises"}, {"criticize", "criticises"}, {"accuse", "criticises"}, {"blame", "criticises"},
    {"condemn", "criticises"}, {"attack", "criticises"}, {"slam", "criticises"}, {"denounce", "criticises"},
    {"oppose", "criticises"}, {"challenge", "criticises"}, {"rebuke", "criticises"}, {"warn", "tells"},
    {"send warning to", "tells"}, {"issue warning to", "tells"}, {"give warning to", "tells"},
    {"be criticised by", "criticises", true}, {"be accused by", "criticises", true},
    {"be attacked by", "criticises", true}, {"be blamed by", "criticises", true},
    {"appoint", "appoints"}, {"elect", "appoints"}, {"name", "appoints"}, {"nominate", "appoints"},
    {"select", "appoints"}, {"hire", "appoints"}, {"recruit", "appoints"}, {"sign", "appoints"},
    {"pick", "appoints"}, {"choose", "appoints"}, {"re-elect", "appoints"},
    {"be appointed by", "appoints", true}, {"be elected by", "appoints", true}, {"be named by", "appoints", true},
    {"be signed by", "appoints", true}, {"be chosen by", "appoints", true},
    {"beat", "beats"}, {"defeat", "beats"}, {"overcome", "beats"}, {"thrash", "beats"}, {"knock out", "beats"},
    {"win over", "beats"}, {"win against", "beats"}, {"edge", "beats"}, {"oust", "beats"}, {"eliminate", "beats"},
    {"outclass", "beats"}, {"lose to", "beats", true},
    {"finish second to", "beats", true}, {"finish behind", "beats", true}, {"come second to", "beats", true},
    {"finish runner-up to", "beats", true}, {"finish ahead of", "beats"}, {"finish third behind", "beats", true}, {"be beaten by", "beats", true}, {"beat by", "beats", true},
    {"be defeated by", "beats", true}, {"be knocked out by", "beats", true},
    {"play", "plays_against"}, {"face", "plays_against"}, {"draw with", "plays_against"},
    {"take on", "plays_against"}, {"play against", "plays_against"}, {"host", "plays_against"},
    {"match against", "plays_against"},
    {"star in", "appears_in"}, {"appear in", "appears_in"}, {"perform in", "appears_in"}, {"direct", "appears_in"},
    {"write", "appears_in"}, {"present", "appears_in"}, {"front", "appears_in"}, {"produce", "appears_in"},
    {"feature in", "appears_in"}, {"co-star in", "appears_in"},
    {"win", "wins"}, {"receive", "wins"}, {"collect", "wins"}, {"scoop", "wins"}, {"be awarded", "wins"},
    {"pick up", "wins"}, {"be nominated for", "nominated_for"}, {"be shortlisted for", "nominated_for"},
    {"take part in", "takes_part_in"}, {"participate in", "takes_part_in"}, {"compete in", "takes_part_in"},
    {"compete at", "takes_part_in"}, {"race in", "takes_part_in"}, {"run in", "takes_part_in"},
    {"attend", "takes_part_in"}, {"speak at", "takes_part_in"}, {"make speech at", "takes_part_in"},
    {"give speech at", "takes_part_in"}, {"deliver speech at", "takes_part_in"}, {"give talk at", "takes_part_in"},
    {"perform at", "takes_part_in"}, {"appear at", "takes_part_in"}, {"play at", "takes_part_in"},
    // (One beaten in a contest took part in it.)
    {"be edged out in", "takes_part_in"}, {"be beaten in", "takes_part_in"}, {"lose in", "takes_part_in"},
    {"be knocked out of", "takes_part_in"}, {"crash out of", "takes_part_in"}, {"finish second in", "takes_part_in"},
    {"finish third in", "takes_part_in"}, {"finish fourth in", "takes_part_in"}, {"finish in", "takes_part_in"},
};
// clang-format on

// Positions that head what they are held in; every other role is membership.
constexpr std::string_view kLeaderRoles[] = {
    "leader", "chairman", "chairwoman", "chair",   "president", "head",        "boss",         "manager",
    "coach",  "captain",  "skipper",    "chief",   "executive", "director",    "general",      "founder",
    "owner",  "governor", "mayor",      "premier", "editor",    "co-chairman", "co-chairwoman"};
constexpr std::string_view kMemberRoles[] = {
    "secretary",    "minister",    "spokesman", "spokeswoman",   "spokesperson",   "member",     "mp",
    "msp",          "mep",         "striker",   "midfielder",    "defender",       "goalkeeper", "keeper",
    "forward",      "player",      "analyst",   "economist",     "correspondent",  "official",   "ambassador",
    "commissioner", "chancellor",  "senator",   "candidate",     "adviser",        "advisor",    "singer",
    "presenter",    "drummer",     "guitarist", "frontman",      "winger",         "wing",       "fly-half",
    "scrum-half",   "flanker",     "prop",      "lock",          "centre",         "left-back",  "right-back",
    "centre-back",  "centre-half", "hooker",    "vice-chairman", "vice-president", "deputy",     "partner",
    "lawyer",       "strategist",  "officer",   "professor",     "lecturer",       "journalist", "reporter",
    "columnist"};

template <size_t N>
bool listed(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

struct Index {
  std::unordered_map<std::string_view, const RelationKind*> kinds;
  std::unordered_map<std::string_view, std::pair<const RelationKind*, bool>> phrases;
  Index() {
    for (const RelationKind& k : kKinds) kinds.emplace(k.name, &k);
    for (const PhraseRule& r : kRules) phrases.emplace(r.phrase, std::pair{kinds.at(r.kind), r.reversed});
  }
};

const Index& index() {
  static const Index idx;
  return idx;
}

}  // namespace

std::span<const RelationKind> relation_kinds() { return kKinds; }

const RelationKind* find_relation_kind(std::string_view name) {
  const auto it = index().kinds.find(name);
  return it == index().kinds.end() ? nullptr : it->second;
}

bool is_role_noun(std::string_view lemma) { return listed(kLeaderRoles, lemma) || listed(kMemberRoles, lemma); }

namespace {

bool one_of_preps(std::string_view prep) { return prep == "of" || prep == "at" || prep == "for" || prep == "with"; }

// "<role words> of|at|for|with": the kind its last role word gives, or nullptr.
const RelationKind* role_kind(std::string_view phrase) {
  const size_t space = phrase.rfind(' ');
  if (space == std::string_view::npos || !one_of_preps(phrase.substr(space + 1))) return nullptr;
  const std::string_view words = phrase.substr(0, space);
  const std::string_view last = words.substr(words.rfind(' ') + 1);
  if (listed(kLeaderRoles, last) || words.ends_with("prime minister") || words.ends_with("first minister")) {
    return find_relation_kind("leads");
  }
  if (listed(kMemberRoles, last)) return find_relation_kind("member_of");
  return nullptr;
}

}  // namespace

std::optional<Canonical> canonical_relation(std::string_view phrase, store::EntityType subject,
                                            store::EntityType object) {
  const auto it = index().phrases.find(phrase);
  const RelationKind* by_role = it == index().phrases.end() ? role_kind(phrase) : nullptr;
  if (it == index().phrases.end() && by_role == nullptr) return std::nullopt;
  const auto [kind, reversed] = by_role != nullptr ? std::pair{by_role, false} : it->second;
  const store::EntityType first = reversed ? object : subject;
  const store::EntityType second = reversed ? subject : object;
  if ((kind->subject_types & type_bit(first)) == 0 || (kind->object_types & type_bit(second)) == 0) {
    return std::nullopt;
  }
  // One person "plays" another on stage as often as in sport ("Richard
  // Griffiths, who plays Hector"): no symmetric reading between two people.
  if (phrase == "play" && subject == store::EntityType::kPerson && object == store::EntityType::kPerson) {
    return std::nullopt;
  }
  // Teams host teams; a person hosts a show ("Rob Da Bank has been hosting
  // The John Peel Show"), which is no match and has a direction.
  if (phrase == "host" && (subject == store::EntityType::kPerson || object == store::EntityType::kPerson)) {
    return std::nullopt;
  }
  return Canonical{kind, reversed};
}

}  // namespace kg::schema

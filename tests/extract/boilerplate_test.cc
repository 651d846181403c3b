#include <gtest/gtest.h>

#include "ingest/extract/extract.h"
#include "ingest/nlp/conllu.h"

namespace kg::extract {
namespace {

TEST(Boilerplate, RecognisesNewsPageFurniture) {
  struct Row {
    const char* text;
    Boilerplate kind;
  };
  const Row rows[] = {
      {"Ships waiting outside the harbour of Gdansk on Monday. PHOTO: REUTERS", Boilerplate::kPhotoCredit},
      {"The minister arriving at the summit. ST PHOTO: KELVIN LIM", Boilerplate::kPhotoCredit},
      {"Crowds at the stadium (Photo by Jane Roe)", Boilerplate::kPhotoCredit},
      {"Remote video URL", Boilerplate::kMedia},
      {"  Advertisement  ", Boilerplate::kMedia},
      {"Join ST's Telegram channel and get the latest breaking news delivered to you.", Boilerplate::kCallToAction},
      {"Sign up for our morning newsletter.", Boilerplate::kCallToAction},
      {"Follow us on Twitter for updates", Boilerplate::kCallToAction},
      {"By Maria Keller", Boilerplate::kByline},
      {"Reporting by Tom Baker; Editing by Ann Lee", Boilerplate::kByline},
      // Story sentences that merely contain the words.
      {"The photo agency said it would join the lawsuit.", Boilerplate::kNone},
      {"Lawmakers will join the talks in Geneva on Friday.", Boilerplate::kNone},
      {"By Tuesday, the ministers had agreed on a plan to cut tariffs by half.", Boilerplate::kNone},
      {"He followed the debate on television.", Boilerplate::kNone},
      {"", Boilerplate::kNone},
  };
  for (const Row& r : rows) EXPECT_EQ(classify_boilerplate(r.text), r.kind) << r.text;
}

TEST(Boilerplate, DatelineGivesPlaceAndSource) {
  auto d = find_dateline("WASHINGTON (NYTIMES) - President Keller met the envoy.");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->place, "WASHINGTON");
  EXPECT_EQ(d->source, "NYTIMES");
  EXPECT_EQ(std::string("WASHINGTON (NYTIMES) - President Keller met the envoy.").substr(d->length),
            "President Keller met the envoy.");

  d = find_dateline("NEW YORK - Shares fell.");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->place, "NEW YORK");
  EXPECT_EQ(d->source, "");

  d = find_dateline("KYIV (Reuters) \xE2\x80\x94 The talks resumed.");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->source, "Reuters");

  EXPECT_FALSE(find_dateline("US officials said the talks would resume.").has_value());
  EXPECT_FALSE(find_dateline("NATO-led forces withdrew.").has_value());
  EXPECT_FALSE(find_dateline("The NATO - Russia council met.").has_value());
}

TEST(Boilerplate, SentencesOfCaptionParagraphsAreMarked) {
  // Three paragraphs: a caption closed by a credit (two sentences), a story sentence, a call to action.
  const std::string conllu =
      "# newpar\n# text = Ships wait .\n1\tShips\tship\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\twait\twait\tVERB\tVBP\t_\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "# text = PHOTO : REUTERS\n1\tPHOTO\tphoto\tNOUN\tNN\t_\t0\troot\t_\t_\n"
      "2\t:\t:\tPUNCT\t:\t_\t1\tpunct\t_\t_\n3\tREUTERS\tReuters\tPROPN\tNNP\t_\t1\tappos\t_\t_\n\n"
      "# newpar\n# text = Prices rose .\n1\tPrices\tprice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\trose\trise\tVERB\tVBD\t_\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "# newpar\n# text = Join our Telegram channel .\n1\tJoin\tjoin\tVERB\tVB\t_\t0\troot\t_\t_\n"
      "2\tour\twe\tPRON\tPRP$\t_\t4\tnmod:poss\t_\t_\n3\tTelegram\tTelegram\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n"
      "4\tchannel\tchannel\tNOUN\tNN\t_\t1\tobj\t_\t_\n5\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";
  Result<nlp::Document> doc = nlp::read_conllu(conllu, "test");
  ASSERT_TRUE(doc.is_ok()) << doc.status().message();
  EXPECT_EQ(boilerplate_sentences(*doc), (std::vector<bool>{true, true, false, true}));
  const std::vector<Proposition> props = Extractor().extract_all(*doc);
  ASSERT_EQ(props.size(), 1u);
  EXPECT_EQ(props[0].relation, "rise");
  EXPECT_EQ(props[0].sentence, 2u);
}

}  // namespace
}  // namespace kg::extract

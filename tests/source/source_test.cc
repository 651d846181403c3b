// ingest/source: formats, titles and every bad-input case with its message.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "ingest/source/formats.h"
#include "ingest/source/source.h"

namespace kg::source {
namespace {

namespace fs = std::filesystem;

class SourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kg_source_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  fs::path dir_;
};

TEST_F(SourceTest, PlainTextTakesFirstLineAsTitle) {
  const std::string path = write("a.txt", "Ministers meet in Oslo\n\nThe ministers met.\nThey talked.\n\n\nThen left.\n");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  ASSERT_EQ(docs->size(), 1u);
  const Document& d = docs->front();
  EXPECT_EQ(d.title, "Ministers meet in Oslo");
  EXPECT_EQ(d.text, "The ministers met.\nThey talked.\n\nThen left.");
  EXPECT_EQ(d.id, path);
  EXPECT_EQ(d.source, path);
  EXPECT_EQ(d.content_hash.size(), 32u);
}

TEST_F(SourceTest, PlainTextWithoutHeadlineKeepsEverything) {
  const std::string path = write("b.txt", "The ministers met on Monday.\n\nThey talked.\n");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_TRUE(docs.is_ok());
  EXPECT_EQ(docs->front().title, "");
  EXPECT_EQ(docs->front().text, "The ministers met on Monday.\n\nThey talked.");
}

TEST_F(SourceTest, CharacterReferencesInPlainTextAndJsonlAreDecoded) {
  // Scraped news keeps HTML references; "&#233" without ";" is read as browsers do.
  const std::string txt = write("refs.txt", "Pascal Pap&#233 and Caf&#xE9;s &amp; bars.\n\nA &#0; and &#xD800; stay.\n");
  Result<std::vector<Document>> docs = read_path(txt);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  EXPECT_EQ(docs->front().text, "Pascal Pap\u00e9 and Caf\u00e9s & bars.\n\nA &#0; and &#xD800; stay.");
  const std::string jsonl = write("refs.jsonl", "{\"text\": \"Jos&#233; Mourinho &lt;Chelsea&gt;\"}\n");
  docs = read_path(jsonl);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  EXPECT_EQ(docs->front().text, "Jos\u00e9 Mourinho <Chelsea>");
  EXPECT_EQ(decode_character_references("&#128512; &#x1F600;"), "\U0001F600 \U0001F600");
  EXPECT_EQ(decode_character_references("AT&T & Co &amp"), "AT&T & Co &amp");
}

TEST_F(SourceTest, MarkdownFrontMatterHeadingsAndInlineMarkup) {
  const std::string path = write("c.md",
                                 "---\ntitle: \"Budget vote\"\ndate: 2026-01-02\nurl: https://example.org/x\n---\n"
                                 "# Budget vote\n\nThe **finance** minister [spoke](https://x.org) to `MPs`.\n\n"
                                 "## Reaction\n\n- snake_case stays\n> Quoted *line*.\n\n```\ncode();\n```\n");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  const Document& d = docs->front();
  EXPECT_EQ(d.title, "Budget vote");
  EXPECT_EQ(d.date, "2026-01-02");
  EXPECT_EQ(d.url, "https://example.org/x");
  EXPECT_EQ(d.text, "The finance minister spoke to MPs.\n\nReaction\n\nsnake_case stays\nQuoted line.");
}

TEST_F(SourceTest, MarkdownHeadingIsTitleWithoutFrontMatter) {
  const std::string path = write("d.md", "# Floods in the north\n\nRivers rose overnight.\n");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_TRUE(docs.is_ok());
  EXPECT_EQ(docs->front().title, "Floods in the north");
  EXPECT_EQ(docs->front().text, "Rivers rose overnight.");
}

TEST_F(SourceTest, HtmlDropsTagsScriptsAndDecodesEntities) {
  const std::string path = write(
      "e.html",
      "<!DOCTYPE html><html><head><title>Port &amp; rail strike</title>"
      "<meta name=\"date\" content=\"2026-02-03\"><link rel=\"canonical\" href=\"https://example.org/s\">"
      "<style>p{color:red}</style><script>var x = \"<p>no</p>\";</script></head>"
      "<body><nav>Home | World</nav><h1>Port &amp; rail strike</h1>"
      "<p>Workers&nbsp;walked out &mdash; again.</p><!-- ad --><p>It&#39;s the <b>third</b> time&#x21;</p>"
      "<footer>Copyright</footer></body></html>");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  const Document& d = docs->front();
  EXPECT_EQ(d.title, "Port & rail strike");
  EXPECT_EQ(d.date, "2026-02-03");
  EXPECT_EQ(d.url, "https://example.org/s");
  EXPECT_EQ(d.text, "Workers walked out \u2014 again.\n\nIt's the third time!");
}

TEST_F(SourceTest, JsonlReadsOneArticlePerLine) {
  const std::string path = write("f.jsonl",
                                 "{\"id\": \"a1\", \"title\": \"One\", \"text\": \"First text.\"}\n\n"
                                 "{\"text\": \"Second text.\", \"url\": \"https://example.org/2\", \"id\": 7}\n"
                                 "{\"text\": \"Third text.\"}\n");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  ASSERT_EQ(docs->size(), 3u);
  EXPECT_EQ((*docs)[0].id, "a1");
  EXPECT_EQ((*docs)[0].title, "One");
  EXPECT_EQ((*docs)[1].id, "7");
  EXPECT_EQ((*docs)[1].url, "https://example.org/2");
  EXPECT_EQ((*docs)[2].id, path + ":4");  // no id: where it came from
  EXPECT_EQ((*docs)[2].text, "Third text.");
}

TEST_F(SourceTest, DirectoriesAreReadRecursivelyInSortedOrderSkippingHiddenAndUnknown) {
  write("dir/b.txt", "Second article here.\n");
  write("dir/a/x.md", "# A\n\nFirst article here.\n");
  write("dir/.hidden/c.txt", "Hidden.\n");
  write("dir/notes.csv", "a,b\n");
  Result<std::vector<Document>> docs = read_path((dir_ / "dir").string());
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].text, "First article here.");
  EXPECT_EQ((*docs)[1].text, "Second article here.");
}

TEST_F(SourceTest, ContentHashIgnoresLineWrappingButNotWords) {
  EXPECT_EQ(content_hash("The minister  spoke.\nThen left."), content_hash("The minister spoke. Then left.\n"));
  EXPECT_NE(content_hash("The minister spoke."), content_hash("The minister spoke!"));
  EXPECT_EQ(normalize_whitespace("  a \n\t b  "), "a b");
}

// --- hostile markup: the parsers' depth and cost are not the input's to set --

std::string repeat(std::string_view piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

TEST_F(SourceTest, HtmlWithTwentyThousandUnclosedHeadingsKeepsItsText) {
  const std::string path =
      write("deep.html", "<p>Anna Schmidt met Peter Lang in Bonn.</p>" + repeat("<h1>", 20000) + "x");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  EXPECT_EQ(docs->front().text, "Anna Schmidt met Peter Lang in Bonn.\n\nx");
}

TEST_F(SourceTest, HtmlWithAHundredThousandTitleTagsIsReadAsText) {
  // <title> holds raw text up to </title>, so the rest of the page is its title.
  const std::string path = write("titles.html", repeat("<title>", 100000));
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().message(), path + ": no article text (only a title or markup)");
}

TEST_F(SourceTest, HtmlNestedAHundredThousandDeepKeepsItsText) {
  // Deeper than kg reads by default: the walk and the freeing of the tree
  // must not recurse either way.
  ReadOptions deep;
  deep.max_html_depth = 1000000;
  const std::string path = write("nested.html", repeat("<span>", 100000) + "Anna Schmidt met Peter Lang.");
  Result<std::vector<Document>> docs = read_path(path, deep);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  EXPECT_EQ(docs->front().text, "Anna Schmidt met Peter Lang.");
}

TEST_F(SourceTest, HtmlFramesetAfterADeepBodyIsAPageWithoutText) {
  const std::string path = write("frames.html", repeat("<span>", 100000) + "<FrameSet><frame src=a.html>");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().message(), path + ": no article text (only a title or markup)");
}

TEST_F(SourceTest, HtmlPageHeaderIsFurnitureButAnArticleHeaderIsNot) {
  const std::string path = write("header.html",
                                 "<header>Site name | Log in</header><article><header><p>By Anna Schmidt</p></header>"
                                 "<p>Caf&#233; owners met &#x201C;twice&#x201D;.</p><table><tr><td>a</td><td>b</td>"
                                 "</tr></table></article>");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  EXPECT_EQ(docs->front().text, "By Anna Schmidt\n\nCaf\u00e9 owners met \u201Ctwice\u201D.\n\na\n\nb");
}

TEST_F(SourceTest, HtmlNestedTooDeepIsRefusedWithTheDepth) {
  const std::string path = write("divs.html", repeat("<div>", 200000) + "Anna Schmidt met Peter Lang.");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().message(),
            path + ": HTML nested 200000 elements deep (kg reads pages up to 1024 deep)");
  EXPECT_TRUE(docs.status().is_user_error());
}

TEST(HtmlNestingBound, CountsOnlyWhatCanNest) {
  EXPECT_EQ(html_nesting_bound("<html><body><div><p>a<p>b<br><img src=x></div></body></html>"), 1u);
  EXPECT_EQ(html_nesting_bound(repeat("<p>", 10000) + repeat("<li>", 10000) + repeat("<h2>", 10000)), 0u);
  // <div/> is not self-closing in HTML, and stray end tags close nothing.
  EXPECT_EQ(html_nesting_bound(repeat("<div/>", 300) + repeat("</span>", 300)), 300u);
  // In SVG "/>" closes; an HTML tag inside it leaves SVG.
  EXPECT_EQ(html_nesting_bound("<svg>" + repeat("<path d='M0'/>", 1000) + "</svg>"), 1u);
  EXPECT_EQ(html_nesting_bound("<svg><div>" + repeat("<b/>", 100)), 102u);
  // Script and comment text is not markup.
  EXPECT_EQ(html_nesting_bound("<script>" + repeat("<div></i>", 1000) + "</SCRIPT><!--" + repeat("<b>", 50) + "-->"),
            0u);
  EXPECT_EQ(html_nesting_bound(repeat("<DIV class=\"a\">", 50) + repeat("</div>", 50) + "<div>"), 50u);
}

TEST_F(SourceTest, MarkdownOfFourHundredKilobytesOfHeadingsIsRead) {
  const std::string path = write("headings.md", repeat("# Heading\n", 40000));
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  EXPECT_EQ(docs->front().title, "Heading");
  // Every later heading is a paragraph of its own.
  EXPECT_EQ(docs->front().text, repeat("Heading\n\n", 39998) + "Heading");
}

TEST_F(SourceTest, MarkdownQuotesAndListsNestedDeeplyKeepTheirText) {
  const std::string path =
      write("nested.md", repeat(">", 50000) + " Anna met Peter.\n\n" + repeat("- ", 20000) + "Bonn\n");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  EXPECT_EQ(docs->front().text, "Anna met Peter.\n\nBonn");
}

TEST_F(SourceTest, MarkdownSetextHeadingAndEntitiesAreCommonMark) {
  const std::string path =
      write("setext.md", "Floods in the north\n===\n\nRivers rose &amp; fell, *twice*.\n\n<div>raw</div>\n");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_TRUE(docs.is_ok()) << docs.status().message();
  EXPECT_EQ(docs->front().title, "Floods in the north");
  EXPECT_EQ(docs->front().text, "Rivers rose & fell, twice.");
}

// --- bad input: one line saying what and where ----------------------------

TEST_F(SourceTest, MissingPath) {
  const std::string path = (dir_ / "nope.txt").string();
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(docs.status().message(), path + ": no such file or directory");
}

TEST_F(SourceTest, EmptyFile) {
  const std::string path = write("empty.txt", " \n\n");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().message(), path + ": empty file, nothing to ingest");
  EXPECT_TRUE(docs.status().is_user_error());
}

TEST_F(SourceTest, BinaryFile) {
  const std::string path = write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().message(), path + ": binary data, not text (kg reads UTF-8 .txt, .md, .html and .jsonl)");
}

TEST_F(SourceTest, InvalidUtf8SaysTheByte) {
  const std::string path = write("latin1.txt", "Caf\xe9 owners protest.\n");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().message(),
            path + ": invalid UTF-8 at byte 4 (counting from 1); for legacy text give --encoding latin1, cp1252 or auto");
}

TEST_F(SourceTest, LegacyTextIsConvertedByTheEncodingAsked) {
  // 0xe9 is e-acute in latin-1 and cp1252; 0x93/0x94 are cp1252's curly
  // quotes (C1 controls in latin-1).
  const std::string path = write("legacy.txt", "Caf\xe9 owners protest \x93loudly\x94 in Paris.\n");
  ReadOptions latin1;
  latin1.encoding = Encoding::kLatin1;
  Result<std::vector<Document>> as_latin1 = read_path(path, latin1);
  ASSERT_TRUE(as_latin1.is_ok()) << as_latin1.status().message();
  EXPECT_EQ(as_latin1->front().text, "Caf\u00e9 owners protest \u0093loudly\u0094 in Paris.");
  ReadOptions cp1252;
  cp1252.encoding = Encoding::kCp1252;
  Result<std::vector<Document>> as_cp1252 = read_path(path, cp1252);
  ASSERT_TRUE(as_cp1252.is_ok()) << as_cp1252.status().message();
  EXPECT_EQ(as_cp1252->front().text, "Caf\u00e9 owners protest \u201cloudly\u201d in Paris.");
}

TEST_F(SourceTest, ValidUtf8IsNeverReencoded) {
  const std::string path = write("utf8.txt", "S\u00e3o Paulo votes.\n");
  for (Encoding e : {Encoding::kUtf8, Encoding::kLatin1, Encoding::kCp1252, Encoding::kAuto}) {
    ReadOptions options;
    options.encoding = e;
    Result<std::vector<Document>> docs = read_path(path, options);
    ASSERT_TRUE(docs.is_ok()) << docs.status().message();
    EXPECT_EQ(docs->front().text, "S\u00e3o Paulo votes.");
  }
}

TEST_F(SourceTest, Cp1252UndefinedByteIsRefusedWithTheByte) {
  const std::string path = write("undefined.txt", "Fine words \x81 here.\n");  // 0x81 has no cp1252 character
  ReadOptions cp1252;
  cp1252.encoding = Encoding::kCp1252;
  Result<std::vector<Document>> docs = read_path(path, cp1252);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().message(), path + ": byte 12 (counting from 1) is not CP1252 text");
}

TEST_F(SourceTest, EncodingNamesAreParsed) {
  EXPECT_EQ(*parse_encoding("latin1"), Encoding::kLatin1);
  EXPECT_EQ(*parse_encoding("cp1252"), Encoding::kCp1252);
  EXPECT_EQ(*parse_encoding("auto"), Encoding::kAuto);
  EXPECT_EQ(*parse_encoding("utf8"), Encoding::kUtf8);
  Result<Encoding> bad = parse_encoding("ebcdic");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().message(), "unknown encoding \"ebcdic\": use utf8, latin1, cp1252 or auto");
}

TEST_F(SourceTest, OversizedFileIsRefusedBeforeReading) {
  const std::string path = write("big.txt", std::string(3000, 'a'));
  ReadOptions small;
  small.max_article_bytes = 1024;
  Result<std::vector<Document>> docs = read_path(path, small);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_NE(docs.status().message().find(path + ": "), std::string::npos);
  EXPECT_NE(docs.status().message().find("over the limit"), std::string::npos);
}

TEST_F(SourceTest, MalformedJsonlNamesTheLine) {
  const std::string path = write("bad.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"unterminated}\n");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_TRUE(docs.status().message().starts_with(path + ":2: malformed JSON: column ")) << docs.status().message();
}

TEST_F(SourceTest, JsonlWithoutTextNamesTheLineAndPointsAtRecords) {
  const std::string path = write("t.jsonl", "{\"kg_record\": 1, \"id\": \"a.txt\", \"facts\": []}\n");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().message(), path +
                                         ":1: missing string field \"text\" (records from kg extract go through "
                                         "'kg ingest --triples FILE')");
}

TEST_F(SourceTest, JsonlFieldOfWrongType) {
  const std::string path = write("w.jsonl", "{\"text\": \"Fine.\", \"title\": 3}\n");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().message(), path + ":1: field \"title\" must be a string");
}

TEST_F(SourceTest, HtmlWithoutText) {
  const std::string path = write("only-tags.html", "<html><head><title>T</title></head><body><script>x</script></body></html>");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().message(), path + ": no article text (only a title or markup)");
}

TEST_F(SourceTest, DirectoryWithNothingReadable) {
  write("d/data.csv", "x\n");
  const std::string path = (dir_ / "d").string();
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().message(),
            path + ": no articles in this directory (article extensions: .txt .md .markdown .html .htm .jsonl)");
}

TEST_F(SourceTest, DirectoryWalkListsWhatItSkippedAndWhy) {
  write("w/sport/1.TXT", "Upper-case extension.\n");
  write("w/sport/2.Md", "# T\n\nMixed-case extension.\n");
  write("w/README.TXT", "About the dataset.\n");
  write("w/LICENSE", "Terms.\n");
  write("w/COPYING.md", "Terms.\n");
  write("w/NOTICE.html", "<p>Terms.</p>\n");
  write("w/scan.pdf", "%PDF-1.4\n");
  write("w/noext", "No extension.\n");
  write("w/.git/HEAD", "ref\n");
  const fs::path w = dir_ / "w";
  Result<InputList> list = list_inputs(w.string());
  ASSERT_TRUE(list.is_ok()) << list.status().message();
  EXPECT_EQ(list->inputs, (std::vector<std::string>{(w / "sport/1.TXT").string(), (w / "sport/2.Md").string()}));
  std::vector<std::string> skipped;
  for (const SkippedFile& s : list->skipped) skipped.push_back(fs::path(s.path).filename().string() + " " + s.reason);
  EXPECT_EQ(skipped, (std::vector<std::string>{"COPYING.md not an article", "LICENSE not an article extension",
                                               "NOTICE.html not an article", "README.TXT not an article",
                                               "noext not an article extension", "scan.pdf not an article extension"}));
}

TEST_F(SourceTest, ExplicitFileWithAnotherExtensionIsRefused) {
  const std::string path = write("table.csv", "name,party\nBlair,Labour\n");
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().message(),
            path + ": not an article extension (kg reads .txt .md .markdown .html .htm .jsonl)");
  // Named explicitly, a README is read: the user chose it.
  EXPECT_TRUE(read_path(write("README.md", "# R\n\nSome words.\n")).is_ok());
}

TEST_F(SourceTest, BadFileInsideDirectoryIsNamed) {
  write("d/a.txt", "Fine text.\n");
  const std::string bad = write("d/b.txt", "");
  Result<std::vector<Document>> docs = read_path((dir_ / "d").string());
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().message(), bad + ": empty file, nothing to ingest");
}

TEST_F(SourceTest, ParseBytesOfStdinGetsAContentId) {
  Result<std::vector<Document>> docs = parse_bytes("-", "Some text from a pipe.", Format::kText);
  ASSERT_TRUE(docs.is_ok());
  EXPECT_EQ(docs->front().id, "stdin:" + docs->front().content_hash.substr(0, 12));
  EXPECT_EQ(docs->front().source, "-");
  Result<std::vector<Document>> empty = parse_bytes("-", "", Format::kText);
  ASSERT_FALSE(empty.is_ok());
  EXPECT_EQ(empty.status().message(), "-: empty input, nothing to ingest");
}

}  // namespace
}  // namespace kg::source

//===--- finding_test.cpp - fingerprints, dedup and message parsing -------===//

#include "Finding.h"
#include "gtest/gtest.h"

namespace highwater::audit {
namespace {

Finding finding(std::string File, unsigned Line, std::string LineText,
                std::string Message = "'Items' (a data member of 'B') is "
                                      "emptied by clear() but keeps its element "
                                      "buffer (16 bytes per element)") {
  Finding F;
  F.Check = "highwater-truncate-without-shrink";
  F.File = std::move(File);
  F.Line = Line;
  F.Offset = Line * 40;
  F.LineText = std::move(LineText);
  F.Message = std::move(Message);
  F.Container = containerNameIn(F.Message);
  return F;
}

std::string fingerprintOf(Finding F, llvm::StringRef Root = "/src") {
  std::vector<Finding> One{std::move(F)};
  assignFingerprints(One, Root);
  return One[0].Fingerprint;
}

TEST(AuditFinding, ContainerIsTheFirstQuotedName) {
  EXPECT_EQ(containerNameIn("'Items' (a data member of 'B') is emptied"), "Items");
  EXPECT_EQ(containerNameIn("'--N' moves the logical end of 'Raw' back"), "Raw");
  EXPECT_EQ(containerNameIn("'H = (H + 1) % 16' advances past a slot of 'Slots'"),
            "Slots");
  EXPECT_EQ(containerNameIn("'M = {}' reads like a release but keeps the bucket "
                            "array (8 bytes per bucket) of 'M' (a data member "
                            "of 'B') at the high-water mark"),
            "M");
  EXPECT_EQ(containerNameIn("no quotes here"), "");
  EXPECT_EQ(containerNameIn("one 'unclosed"), "");
}

TEST(AuditFinding, RetainedSlotBytesComeFromTheMessage) {
  EXPECT_EQ(retainedSlotBytesIn("keeps its bucket array (8 bytes per bucket) at"), 8u);
  EXPECT_EQ(retainedSlotBytesIn("keeps its buffer (1 byte per character)"), 1u);
  EXPECT_EQ(retainedSlotBytesIn("keeps its buffer (128 bytes per element)"), 128u);
  EXPECT_EQ(retainedSlotBytesIn("its nodes are freed either way"), std::nullopt);
}

TEST(AuditFinding, FingerprintIgnoresLineNumberAndWhitespace) {
  std::string Base = fingerprintOf(finding("/src/a.cpp", 18, "  Items.clear();"));
  EXPECT_EQ(Base.size(), 32u);
  EXPECT_EQ(fingerprintOf(finding("/src/a.cpp", 40, "      Items.clear();  ")), Base);
  EXPECT_EQ(fingerprintOf(finding("/src/a.cpp", 18, "Items . clear ( ) ;")), Base);
  // The checkout's location does not matter, the path under the root does.
  EXPECT_EQ(fingerprintOf(finding("/ci/work/a.cpp", 18, "Items.clear();"), "/ci/work"),
            Base);
  EXPECT_NE(fingerprintOf(finding("/src/b.cpp", 18, "Items.clear();")), Base);
  EXPECT_NE(fingerprintOf(finding("/src/a.cpp", 18, "Items.resize(0);")), Base);
  EXPECT_NE(fingerprintOf(finding("/src/a.cpp", 18, "Items.clear();",
                                  "'Other' (a data member of 'B') is emptied")),
            Base);
}

TEST(AuditFinding, IdenticalLinesGetDistinctFingerprintsByRank) {
  std::vector<Finding> Two{finding("/src/a.cpp", 10, "Items.clear();"),
                           finding("/src/a.cpp", 20, "Items.clear();")};
  assignFingerprints(Two, "/src");
  EXPECT_NE(Two[0].Fingerprint, Two[1].Fingerprint);
  EXPECT_EQ(Two[0].Fingerprint, fingerprintOf(finding("/src/a.cpp", 3, "Items.clear();")));
}

TEST(AuditFinding, DedupKeepsOneFindingPerCheckPlaceAndMessage) {
  std::vector<Finding> Findings{finding("/src/h.h", 5, "x"), finding("/src/a.cpp", 2, "y"),
                                finding("/src/h.h", 5, "x"), finding("/src/h.h", 6, "x")};
  dedupFindings(Findings);
  ASSERT_EQ(Findings.size(), 3u);
  EXPECT_EQ(Findings[0].File, "/src/a.cpp");
  EXPECT_EQ(Findings[1].Line, 5u);
  EXPECT_EQ(Findings[2].Line, 6u);
}

TEST(AuditFinding, JsonRoundTrip) {
  Finding F = finding("/src/a.cpp", 18, "  Items.clear();");
  F.Fix.push_back({"/src/a.cpp", 700, 13, "Items = std::vector<Item>()"});
  F.Notes.push_back({"a note", "/src/a.cpp", 18, 3});
  F.Fingerprint = "abc";
  std::optional<Finding> Back = findingFromJSON(toJSON(F));
  ASSERT_TRUE(Back);
  EXPECT_EQ(Back->Message, F.Message);
  EXPECT_EQ(Back->LineText, F.LineText);
  ASSERT_EQ(Back->Fix.size(), 1u);
  EXPECT_EQ(Back->Fix[0].Offset, 700u);
  EXPECT_EQ(Back->Fix[0].Text, "Items = std::vector<Item>()");
  ASSERT_EQ(Back->Notes.size(), 1u);
  EXPECT_EQ(Back->Notes[0].Column, 3u);
  EXPECT_EQ(Back->Fingerprint, "abc");
  EXPECT_FALSE(findingFromJSON(llvm::json::Value("not an object")));
}

TEST(AuditFinding, RelativePathOnlyUnderTheRoot) {
  EXPECT_EQ(relativePath("/src/dir/a.cpp", "/src"), "dir/a.cpp");
  EXPECT_EQ(relativePath("/src/dir/a.cpp", "/src/"), "dir/a.cpp");
  EXPECT_EQ(relativePath("/srcother/a.cpp", "/src"), "/srcother/a.cpp");
  EXPECT_EQ(relativePath("/usr/include/x.h", "/src"), "/usr/include/x.h");
}

} // namespace
} // namespace highwater::audit

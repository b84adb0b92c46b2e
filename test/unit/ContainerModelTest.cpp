//===--- ContainerModelTest.cpp - ContainerModel::classify and idioms -----===//

#include "ContainerModel.h"
#include "TestAST.h"
#include "gmock/gmock.h"

namespace clang::tidy::highwater::test {
namespace {

using namespace ast_matchers;

const char *const Types = R"cpp(
#include <array>
#include <deque>
#include <functional>
#include <list>
#include <map>
#include <queue>
#include <set>
#include <stack>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

struct Big { char bytes[128]; };
struct StatefulHash {
  std::size_t seed = 0;
  std::size_t operator()(int k) const { return std::size_t(k) ^ seed; }
};
typedef std::vector<int> IntVec;
template <class T> using Vec = std::vector<T>;
struct Derived : std::vector<int> {};

namespace my {
template <class T> struct Pool { using value_type = T; };
}
namespace ankerl::unordered_dense {
inline namespace v1 {
template <class K, class V> struct map {
  using value_type = std::pair<K, V>;
  value_type *slots = nullptr;
  value_type sentinel; // Completes value_type, as any real use would.
};
}
}

std::vector<int> vInt;
std::vector<Big> vBig;
std::string str;
std::u16string u16;
std::deque<int> dq;
std::unordered_map<int, int> um;
std::unordered_set<int> us;
std::map<int, int> mp;
std::set<int> st;
std::list<int> ls;
std::queue<int> q;
std::priority_queue<int> pq;
std::stack<int, std::vector<int>> sv;
IntVec viaTypedef;
Vec<int> viaAlias;
std::vector<int> &viaRef = vInt;
Derived derived;
std::array<int, 4> arr;
int plainInt;
std::unordered_map<int, int, StatefulHash> statefulHash;
std::map<int, int, std::function<bool(int, int)>> functionCompare;
std::map<int, int, std::less<int>> lessCompare;
std::unordered_map<int, int, std::hash<int>> stdHash;
my::Pool<int> pool;
ankerl::unordered_dense::map<int, int> dense;
)cpp";

class ClassifyTest : public ::testing::Test {
protected:
  ASTContext &ctx() { return astFor(Types).getASTContext(); }

  std::optional<ContainerInfo> classifyVar(StringRef Name,
                                           const ContainerModel &M) {
    const VarDecl *V = varNamed(Name, ctx());
    EXPECT_TRUE(V) << "no variable " << Name.str();
    if (!V)
      return std::nullopt;
    return M.classify(V->getType(), ctx());
  }
  std::optional<ContainerInfo> classifyVar(StringRef Name) {
    return classifyVar(Name, Model);
  }

  ContainerModel Model;
};

TEST_F(ClassifyTest, VectorOfInt) {
  auto Info = classifyVar("vInt");
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family->Name, "std::vector");
  EXPECT_EQ(Info->Storage, StorageKind::Vector);
  EXPECT_EQ(Info->ElementBytes, 4u);
  EXPECT_EQ(Info->SlotBytes, 4u);
  EXPECT_TRUE(Info->retainsStorage());
  EXPECT_TRUE(Info->isContiguous());
  EXPECT_FALSE(Info->isHashTable());
  EXPECT_FALSE(Info->HasStatefulParts);
  EXPECT_TRUE(Info->DefaultConstructible);
  EXPECT_FALSE(Info->Family->IsAdaptor);
  EXPECT_EQ(Info->describeRetainedStorage(),
            "element buffer (4 bytes per element)");
}

TEST_F(ClassifyTest, VectorOfBigStruct) {
  auto Info = classifyVar("vBig");
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Storage, StorageKind::Vector);
  EXPECT_EQ(Info->SlotBytes, 128u);
  ASSERT_TRUE(Info->ElementType->getAsCXXRecordDecl());
  EXPECT_EQ(Info->ElementType->getAsCXXRecordDecl()->getName(), "Big");
}

TEST_F(ClassifyTest, StringHasOneByteSlots) {
  auto Info = classifyVar("str");
  ASSERT_TRUE(Info);
  // libstdc++ declares it in the inline namespace std::__cxx11.
  EXPECT_EQ(Info->Family->Name, "std::basic_string");
  EXPECT_EQ(Info->Storage, StorageKind::String);
  EXPECT_EQ(Info->SlotBytes, 1u);
  EXPECT_TRUE(Info->isContiguous());
  EXPECT_EQ(Info->describeRetainedStorage(),
            "character buffer (1 byte per character)");
}

TEST_F(ClassifyTest, U16StringHasTwoByteSlots) {
  auto Info = classifyVar("u16");
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Storage, StorageKind::String);
  EXPECT_EQ(Info->SlotBytes, 2u);
  EXPECT_EQ(Info->describeRetainedStorage(),
            "character buffer (2 bytes per character)");
}

TEST_F(ClassifyTest, DequeKeepsPointerSizedBlockMapSlots) {
  auto Info = classifyVar("dq");
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family->Name, "std::deque");
  EXPECT_EQ(Info->Storage, StorageKind::Deque);
  EXPECT_EQ(Info->SlotBytes, sizeof(void *));
  EXPECT_FALSE(Info->isContiguous());
}

TEST_F(ClassifyTest, UnorderedMapKeepsBucketPointers) {
  auto Info = classifyVar("um");
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family->Name, "std::unordered_map");
  EXPECT_EQ(Info->Storage, StorageKind::BucketHash);
  EXPECT_EQ(Info->SlotBytes, 8u); // One pointer per bucket (x86-64).
  EXPECT_TRUE(Info->isHashTable());
  EXPECT_FALSE(Info->HasStatefulParts);
  EXPECT_TRUE(Info->MappedType->isSpecificBuiltinType(BuiltinType::Int));
  // value_type is pair<const int, int>.
  EXPECT_EQ(Info->ElementBytes, 8u);
  EXPECT_EQ(Info->describeRetainedStorage(),
            "bucket array (8 bytes per bucket)");
}

TEST_F(ClassifyTest, UnorderedSet) {
  auto Info = classifyVar("us");
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family->Name, "std::unordered_set");
  EXPECT_EQ(Info->Storage, StorageKind::BucketHash);
  EXPECT_EQ(Info->SlotBytes, 8u);
}

TEST_F(ClassifyTest, NodeBasedContainersRetainNothing) {
  for (StringRef Name : {"mp", "st", "ls"}) {
    SCOPED_TRACE(Name.str());
    auto Info = classifyVar(Name);
    ASSERT_TRUE(Info);
    EXPECT_EQ(Info->Storage, StorageKind::Node);
    EXPECT_EQ(Info->SlotBytes, 0u);
    EXPECT_FALSE(Info->retainsStorage());
  }
  EXPECT_EQ(classifyVar("mp")->Family->Name, "std::map");
  EXPECT_EQ(classifyVar("st")->Family->Name, "std::set");
  EXPECT_EQ(classifyVar("ls")->Family->Name, "std::list");
}

TEST_F(ClassifyTest, QueueIsAnAdaptorOverDeque) {
  auto Info = classifyVar("q");
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family->Name, "std::queue");
  EXPECT_TRUE(Info->Family->IsAdaptor);
  EXPECT_EQ(Info->Storage, StorageKind::Deque);
  EXPECT_EQ(Info->SlotBytes, sizeof(void *));
  // Its default constructor is a constructor template in libstdc++.
  EXPECT_TRUE(Info->DefaultConstructible);
}

TEST_F(ClassifyTest, PriorityQueueHasVectorStorage) {
  auto Info = classifyVar("pq");
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family->Name, "std::priority_queue");
  EXPECT_TRUE(Info->Family->IsAdaptor);
  EXPECT_EQ(Info->Storage, StorageKind::Vector);
  EXPECT_EQ(Info->SlotBytes, 4u);
  EXPECT_FALSE(Info->HasStatefulParts); // std::less<int>.
}

TEST_F(ClassifyTest, StackOverVectorHasVectorStorage) {
  auto Info = classifyVar("sv");
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family->Name, "std::stack");
  EXPECT_TRUE(Info->Family->IsAdaptor);
  EXPECT_EQ(Info->Storage, StorageKind::Vector);
  EXPECT_EQ(Info->SlotBytes, 4u);
}

TEST_F(ClassifyTest, SeenThroughTypedefAliasTemplateAndReference) {
  for (StringRef Name : {"viaTypedef", "viaAlias", "viaRef"}) {
    SCOPED_TRACE(Name.str());
    auto Info = classifyVar(Name);
    ASSERT_TRUE(Info);
    EXPECT_EQ(Info->Family->Name, "std::vector");
    EXPECT_EQ(Info->Storage, StorageKind::Vector);
    EXPECT_EQ(Info->SlotBytes, 4u);
    EXPECT_FALSE(Info->Type->isReferenceType());
  }
}

TEST_F(ClassifyTest, ClassDerivedFromVector) {
  auto Info = classifyVar("derived");
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family->Name, "std::vector");
  EXPECT_EQ(Info->Storage, StorageKind::Vector);
  EXPECT_EQ(Info->SlotBytes, 4u); // value_type found in the base.
}

TEST_F(ClassifyTest, ArrayAndIntAreNotContainers) {
  EXPECT_FALSE(classifyVar("arr"));
  EXPECT_FALSE(classifyVar("plainInt"));
  // Nor is a struct that merely has a value_type.
  EXPECT_FALSE(classifyVar("pool"));
  EXPECT_FALSE(Model.classify(QualType(), ctx()));
}

TEST_F(ClassifyTest, StatefulHasherOrComparator) {
  auto Hash = classifyVar("statefulHash");
  ASSERT_TRUE(Hash);
  EXPECT_TRUE(Hash->HasStatefulParts);
  auto Function = classifyVar("functionCompare");
  ASSERT_TRUE(Function);
  EXPECT_TRUE(Function->HasStatefulParts);
}

TEST_F(ClassifyTest, StdLessAndStdHashAreNotStateful) {
  auto Less = classifyVar("lessCompare");
  ASSERT_TRUE(Less);
  EXPECT_FALSE(Less->HasStatefulParts);
  auto Hash = classifyVar("stdHash");
  ASSERT_TRUE(Hash);
  EXPECT_FALSE(Hash->HasStatefulParts);
}

TEST_F(ClassifyTest, ConfiguredFamilyAndBadEntries) {
  ContainerModel M;
  std::vector<std::string> Bad =
      M.addFamilies("my::Pool=vector;bad entry;x=unknown");
  EXPECT_EQ(Bad, (std::vector<std::string>{"bad entry", "x=unknown"}));
  ASSERT_TRUE(M.findFamily("my::Pool"));
  EXPECT_FALSE(M.findFamily("x"));
  auto Info = classifyVar("pool", M);
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Family->Name, "my::Pool");
  EXPECT_EQ(Info->Storage, StorageKind::Vector);
  EXPECT_EQ(Info->SlotBytes, 4u);
  // The standard families are still there.
  EXPECT_TRUE(classifyVar("vInt", M));
}

TEST_F(ClassifyTest, ConfiguredFlags) {
  ContainerModel M;
  std::vector<std::string> Bad = M.addFamilies(
      " a::Small = vector , clear-frees ; b::Big=vector,no-release;"
      "c::C=vector,bogus;=vector;;");
  EXPECT_EQ(Bad, (std::vector<std::string>{"c::C=vector,bogus", "=vector"}));
  const ContainerFamily *Small = M.findFamily("a::Small");
  ASSERT_TRUE(Small);
  EXPECT_TRUE(Small->ClearFrees);
  EXPECT_FALSE(Small->NoInPlaceRelease);
  const ContainerFamily *Big = M.findFamily("b::Big");
  ASSERT_TRUE(Big);
  EXPECT_TRUE(Big->NoInPlaceRelease);
  EXPECT_FALSE(M.findFamily("c::C"));
}

TEST_F(ClassifyTest, InlineNamespacesAreIgnored) {
  const auto *Map = findFirst<CXXRecordDecl>(
      cxxRecordDecl(hasName("map"), hasAncestor(namespaceDecl(hasName("v1")))),
      ctx());
  ASSERT_TRUE(Map);
  EXPECT_EQ(qualifiedNameWithoutInlineNamespaces(Map),
            "ankerl::unordered_dense::map");

  ContainerModel M;
  EXPECT_TRUE(M.addFamilies("ankerl::unordered_dense::map=flat-hash").empty());
  EXPECT_FALSE(Model.classify(varNamed("dense", ctx())->getType(), ctx()));
  auto Info = classifyVar("dense", M);
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Storage, StorageKind::FlatHash);
  EXPECT_TRUE(Info->isHashTable());
  EXPECT_EQ(Info->SlotBytes, 8u); // An inline pair<int, int> per slot.
}

//===--- releaseIdiom / effectiveStyle ------------------------------------===//

class ReleaseIdiomTest : public ClassifyTest {
protected:
  ContainerInfo info(StringRef Var) {
    auto Info = classifyVar(Var);
    EXPECT_TRUE(Info);
    return Info.value_or(ContainerInfo());
  }

  static constexpr ReleaseStyle AllStyles[] = {
      ReleaseStyle::Reassign, ReleaseStyle::Swap, ReleaseStyle::Shrink};
};

TEST_F(ReleaseIdiomTest, Vector) {
  ContainerInfo V = info("vInt");
  ASSERT_TRUE(V.Family);
  EXPECT_EQ(V.releaseIdiom(ReleaseStyle::Reassign, "v", "std::vector<int>"),
            "v = std::vector<int>();");
  EXPECT_EQ(V.releaseIdiom(ReleaseStyle::Swap, "v", "std::vector<int>"),
            "std::vector<int>().swap(v);");
  EXPECT_EQ(V.releaseIdiom(ReleaseStyle::Shrink, "v", "std::vector<int>"),
            "v.clear(); v.shrink_to_fit();");
  for (ReleaseStyle S : AllStyles)
    EXPECT_EQ(V.effectiveStyle(S), S);
}

TEST_F(ReleaseIdiomTest, StringIsNeverReassigned) {
  for (StringRef Var : {"str", "u16"}) {
    SCOPED_TRACE(Var.str());
    ContainerInfo S = info(Var);
    ASSERT_TRUE(S.Family);
    EXPECT_EQ(S.effectiveStyle(ReleaseStyle::Reassign), ReleaseStyle::Swap);
    EXPECT_EQ(S.releaseIdiom(ReleaseStyle::Reassign, "s", "std::string"),
              "std::string().swap(s);");
    EXPECT_EQ(S.releaseIdiom(ReleaseStyle::Swap, "s", "std::string"),
              "std::string().swap(s);");
    EXPECT_EQ(S.releaseIdiom(ReleaseStyle::Shrink, "s", "std::string"),
              "s.clear(); s.shrink_to_fit();");
    for (ReleaseStyle Style : AllStyles)
      EXPECT_EQ(S.releaseIdiom(Style, "s", "std::string").find("s = "),
                std::string::npos);
  }
}

TEST_F(ReleaseIdiomTest, DequeNeverGetsShrinkToFit) {
  // A deque's shrink_to_fit() keeps its block map: Shrink falls back to a
  // style that replaces the deque.
  ContainerInfo D = info("dq");
  ASSERT_TRUE(D.Family);
  EXPECT_FALSE(D.supports(ReleaseStyle::Shrink));
  EXPECT_NE(D.effectiveStyle(ReleaseStyle::Shrink), ReleaseStyle::Shrink);
  EXPECT_THAT(D.releaseIdiom(ReleaseStyle::Shrink, "d", "std::deque<int>"),
              ::testing::AnyOf("d = std::deque<int>();",
                               "std::deque<int>().swap(d);"));
  EXPECT_EQ(D.releaseIdiom(ReleaseStyle::Reassign, "d", "std::deque<int>"),
            "d = std::deque<int>();");
  EXPECT_EQ(D.releaseIdiom(ReleaseStyle::Swap, "d", "std::deque<int>"),
            "std::deque<int>().swap(d);");
  for (ReleaseStyle S : AllStyles)
    EXPECT_EQ(D.releaseIdiom(S, "d", "std::deque<int>").find("shrink_to_fit"),
              std::string::npos);
}

TEST_F(ReleaseIdiomTest, AdaptorsNeverGetShrinkToFit) {
  for (StringRef Var : {"q", "pq", "sv"}) {
    SCOPED_TRACE(Var.str());
    ContainerInfo A = info(Var);
    ASSERT_TRUE(A.Family);
    EXPECT_NE(A.effectiveStyle(ReleaseStyle::Shrink), ReleaseStyle::Shrink);
    EXPECT_THAT(A.releaseIdiom(ReleaseStyle::Shrink, "a", "T"),
                ::testing::AnyOf("a = T();", "T().swap(a);"));
  }
}

TEST_F(ReleaseIdiomTest, HashTablesShrinkWithRehashZero) {
  for (StringRef Var : {"um", "us"}) {
    SCOPED_TRACE(Var.str());
    ContainerInfo M = info(Var);
    ASSERT_TRUE(M.Family);
    EXPECT_EQ(M.effectiveStyle(ReleaseStyle::Shrink), ReleaseStyle::Shrink);
    EXPECT_EQ(M.releaseIdiom(ReleaseStyle::Shrink, "m", "T"),
              "m.clear(); m.rehash(0);");
    EXPECT_EQ(M.releaseIdiom(ReleaseStyle::Reassign, "m", "T"), "m = T();");
    EXPECT_EQ(M.releaseIdiom(ReleaseStyle::Swap, "m", "T"), "T().swap(m);");
  }
}

TEST_F(ReleaseIdiomTest, NonStandardHashTableIsNotShrunkWithRehash) {
  // rehash(0) shrinks only the standard unordered containers for certain.
  ContainerModel M;
  ASSERT_TRUE(M.addFamilies("ankerl::unordered_dense::map=flat-hash").empty());
  auto Info = classifyVar("dense", M);
  ASSERT_TRUE(Info);
  EXPECT_NE(Info->effectiveStyle(ReleaseStyle::Shrink), ReleaseStyle::Shrink);
  std::string Idiom = Info->releaseIdiom(ReleaseStyle::Shrink, "m", "T");
  EXPECT_EQ(Idiom.find("rehash"), std::string::npos) << Idiom;
  EXPECT_THAT(Idiom, ::testing::AnyOf("m = T();", "T().swap(m);"));
}

TEST_F(ReleaseIdiomTest, StylesNeedTheMembersTheyCall) {
  ContainerInfo V = info("vInt");
  ASSERT_TRUE(V.Family);
  for (ReleaseStyle S : AllStyles)
    EXPECT_TRUE(V.supports(S));
  // my::Pool has neither swap() nor shrink_to_fit().
  ContainerModel M;
  ASSERT_TRUE(M.addFamilies("my::Pool=vector").empty());
  auto Pool = classifyVar("pool", M);
  ASSERT_TRUE(Pool);
  EXPECT_FALSE(Pool->HasSwap);
  EXPECT_FALSE(Pool->HasShrinkToFit);
  EXPECT_EQ(Pool->effectiveStyle(ReleaseStyle::Swap), ReleaseStyle::Reassign);
  EXPECT_EQ(Pool->effectiveStyle(ReleaseStyle::Shrink), ReleaseStyle::Reassign);
  EXPECT_EQ(Pool->releaseIdiom(ReleaseStyle::Swap, "p", "my::Pool<int>"),
            "p = my::Pool<int>();");
}

TEST_F(ReleaseIdiomTest, NodeBasedGetClear) {
  for (StringRef Var : {"mp", "st", "ls"}) {
    SCOPED_TRACE(Var.str());
    ContainerInfo N = info(Var);
    ASSERT_TRUE(N.Family);
    for (ReleaseStyle S : AllStyles)
      EXPECT_EQ(N.releaseIdiom(S, "n", "T"), "n.clear();");
  }
}

TEST_F(ReleaseIdiomTest, NeverAssignsBraces) {
  for (StringRef Var : {"vInt", "vBig", "str", "u16", "dq", "um", "us", "mp",
                        "st", "ls", "q", "pq", "sv", "viaTypedef", "derived",
                        "statefulHash", "functionCompare"}) {
    ContainerInfo I = info(Var);
    ASSERT_TRUE(I.Family) << Var.str();
    for (ReleaseStyle S : AllStyles) {
      std::string Idiom = I.releaseIdiom(S, "x", "T");
      EXPECT_FALSE(Idiom.empty()) << Var.str();
      EXPECT_EQ(Idiom.find("{}"), std::string::npos) << Var.str() << ": " << Idiom;
    }
  }
}

} // namespace
} // namespace clang::tidy::highwater::test

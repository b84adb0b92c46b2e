//===--- HighwaterOptions.cpp ---------------------------------------------===//

#include "HighwaterOptions.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy {

llvm::ArrayRef<std::pair<highwater::ReleaseStyle, StringRef>>
OptionEnumMapping<highwater::ReleaseStyle>::getEnumMapping() {
  static constexpr std::pair<highwater::ReleaseStyle, StringRef> Mapping[] = {
      {highwater::ReleaseStyle::Reassign, "reassign"},
      {highwater::ReleaseStyle::Swap, "swap"},
      {highwater::ReleaseStyle::Shrink, "shrink"}};
  return Mapping;
}

llvm::ArrayRef<std::pair<highwater::ReportMode, StringRef>>
OptionEnumMapping<highwater::ReportMode>::getEnumMapping() {
  static constexpr std::pair<highwater::ReportMode, StringRef> Mapping[] = {
      {highwater::ReportMode::Risky, "risky"},
      {highwater::ReportMode::Audit, "audit"}};
  return Mapping;
}

namespace highwater {

static constexpr llvm::StringLiteral DefaultLifetimeKinds =
    "member;global;static-member;function-static;thread-local;"
    "loop-carried-local";

// Containers outside the standard library that keep their storage when
// emptied like the standard ones do. Flags record the documented exceptions:
// absl::flat_hash_map::clear() frees its array from capacity 128 up, and
// absl::InlinedVector::clear() frees its heap buffer.
static constexpr llvm::StringLiteral DefaultThirdPartyContainers =
    "absl::flat_hash_map=flat-hash,clear-frees;"
    "absl::flat_hash_set=flat-hash,clear-frees;"
    "absl::node_hash_map=bucket-hash,clear-frees;"
    "absl::node_hash_set=bucket-hash,clear-frees;"
    "absl::InlinedVector=vector,clear-frees;"
    "boost::unordered_flat_map=flat-hash;"
    "boost::unordered_flat_set=flat-hash;"
    "boost::unordered_node_map=bucket-hash;"
    "boost::unordered_node_set=bucket-hash;"
    "boost::unordered_map=bucket-hash;"
    "boost::unordered_set=bucket-hash;"
    "folly::F14FastMap=flat-hash;folly::F14FastSet=flat-hash;"
    "folly::F14ValueMap=flat-hash;folly::F14ValueSet=flat-hash;"
    "folly::F14VectorMap=flat-hash;folly::F14VectorSet=flat-hash;"
    "folly::F14NodeMap=bucket-hash;folly::F14NodeSet=bucket-hash;"
    "folly::fbvector=vector;folly::fbstring=string;"
    "tsl::robin_map=flat-hash;tsl::robin_set=flat-hash;"
    "tsl::hopscotch_map=flat-hash;tsl::hopscotch_set=flat-hash;"
    "ankerl::unordered_dense::map=flat-hash;"
    "ankerl::unordered_dense::set=flat-hash;"
    "llvm::DenseMap=flat-hash;llvm::DenseSet=flat-hash;"
    "llvm::SmallVector=vector,no-release;"
    "llvm::SmallString=string,no-release";

bool readBoolOption(ClangTidyCheck &Check,
                    const ClangTidyCheck::OptionsView &Options, StringRef Name,
                    bool Default) {
  std::optional<StringRef> Value = Options.get(Name);
  if (!Value)
    return Default;
  std::optional<bool> Parsed =
      llvm::StringSwitch<std::optional<bool>>(Value->trim().lower())
          .Cases({"true", "1", "on", "yes"}, true)
          .Cases({"false", "0", "off", "no"}, false)
          .Default(std::nullopt);
  if (!Parsed) {
    // Named with its check's prefix, as clang-tidy's own messages do
    // (getID() is public only through MatchCallback).
    StringRef CheckName =
        static_cast<const ast_matchers::MatchFinder::MatchCallback &>(Check)
            .getID();
    Check.configurationDiag(
        "invalid configuration value '%0' for option '%1.%2'; expected a bool")
        << *Value << CheckName << Name;
    return Default;
  }
  return *Parsed;
}

void storeBoolOption(const ClangTidyCheck::OptionsView &Options,
                     ClangTidyOptions::OptionMap &Map, StringRef Name,
                     bool Value) {
  Options.store(Map, Name, Value ? StringRef("true") : StringRef("false"));
}

SharedOptions SharedOptions::read(const ClangTidyCheck::OptionsView &Options) {
  SharedOptions Result;
  Result.LifetimeKinds =
      Options.getLocalOrGlobal("LifetimeKinds", DefaultLifetimeKinds).str();
  Result.ThirdPartyContainers =
      Options
          .getLocalOrGlobal("ThirdPartyContainers", DefaultThirdPartyContainers)
          .str();
  Result.ExtraContainers = Options.getLocalOrGlobal("ExtraContainers", "").str();
  Result.PreferredRelease =
      Options.getLocalOrGlobal("ReleaseStyle", ReleaseStyle::Reassign);
  return Result;
}

void SharedOptions::store(const ClangTidyCheck::OptionsView &Options,
                          ClangTidyOptions::OptionMap &Map) const {
  Options.store(Map, "LifetimeKinds", LifetimeKinds);
  storeContainerModel(Options, Map);
  Options.store(Map, "ReleaseStyle", PreferredRelease);
}

void SharedOptions::storeContainerModel(const ClangTidyCheck::OptionsView &Options,
                                        ClangTidyOptions::OptionMap &Map) const {
  Options.store(Map, "ThirdPartyContainers", ThirdPartyContainers);
  Options.store(Map, "ExtraContainers", ExtraContainers);
}

std::vector<std::string> SharedOptions::validate() const {
  std::vector<std::string> Problems;
  std::vector<std::string> Unknown;
  parseLifetimeKinds(LifetimeKinds, &Unknown);
  for (const std::string &Name : Unknown)
    Problems.push_back("unknown lifetime kind '" + Name +
                       "' in 'LifetimeKinds' (expected member, global, "
                       "static-member, function-static, thread-local, "
                       "loop-carried-local or caller-owned)");
  ContainerModel Scratch;
  for (StringRef Option : {"ThirdPartyContainers", "ExtraContainers"})
    for (const std::string &Entry : Scratch.addFamilies(
             Option == "ExtraContainers" ? ExtraContainers : ThirdPartyContainers))
      Problems.push_back("invalid container entry '" + Entry + "' in '" +
                         Option.str() +
                         "' (expected name=vector|string|deque|bucket-hash|"
                         "flat-hash|node[,clear-frees][,no-release])");
  return Problems;
}

LifetimeKindSet SharedOptions::lifetimeKinds() const {
  return parseLifetimeKinds(LifetimeKinds);
}

ContainerModel SharedOptions::containerModel() const {
  ContainerModel Model;
  Model.addFamilies(ThirdPartyContainers);
  Model.addFamilies(ExtraContainers);
  return Model;
}

} // namespace highwater
} // namespace clang::tidy

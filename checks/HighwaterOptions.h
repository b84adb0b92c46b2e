//===--- HighwaterOptions.h - options shared by every highwater check -----===//
//
// The options every highwater check reads the same way: which lifetimes count
// as long-lived, which third-party containers the model knows, and which
// release idiom fixes prefer. Declared here once, read in each check's
// constructor and written back by its storeOptions.
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_CHECKS_HIGHWATEROPTIONS_H
#define HIGHWATER_CHECKS_HIGHWATEROPTIONS_H

#include "ContainerModel.h"
#include "LifetimeModel.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::highwater {

/// `risky` reports what an engineer would act on; `audit` every candidate.
enum class ReportMode { Risky, Audit };

/// A true/false option. clang-tidy's OptionsView::get<bool> is an explicit
/// specialisation that GCC and Clang mangle differently, so a module built
/// with GCC could not link it; this reads the string instead. An invalid
/// value is reported through \p Check and \p Default is used.
bool readBoolOption(ClangTidyCheck &Check,
                    const ClangTidyCheck::OptionsView &Options, StringRef Name,
                    bool Default);
void storeBoolOption(const ClangTidyCheck::OptionsView &Options,
                     ClangTidyOptions::OptionMap &Map, StringRef Name,
                     bool Value);

struct SharedOptions {
  /// Semicolon-separated lifetime kinds to report (see LifetimeModel.h).
  std::string LifetimeKinds;
  /// Third-party containers, "qualified::name=behaviour[,flag]" entries.
  std::string ThirdPartyContainers;
  /// The project's own containers, same syntax, added to the above.
  std::string ExtraContainers;
  ReleaseStyle PreferredRelease = ReleaseStyle::Reassign;

  static SharedOptions read(const ClangTidyCheck::OptionsView &Options);
  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Map) const;
  /// Only the container lists, for a check that uses nothing else.
  void storeContainerModel(const ClangTidyCheck::OptionsView &Options,
                           ClangTidyOptions::OptionMap &Map) const;

  /// One line per option value that cannot be read.
  std::vector<std::string> validate() const;
  LifetimeKindSet lifetimeKinds() const;
  ContainerModel containerModel() const;
};

} // namespace clang::tidy::highwater

namespace clang::tidy {
template <> struct OptionEnumMapping<highwater::ReleaseStyle> {
  static llvm::ArrayRef<std::pair<highwater::ReleaseStyle, StringRef>>
  getEnumMapping();
};
template <> struct OptionEnumMapping<highwater::ReportMode> {
  static llvm::ArrayRef<std::pair<highwater::ReportMode, StringRef>>
  getEnumMapping();
};
} // namespace clang::tidy

#endif

//===--- SharedDiagnostics.h - wording every highwater check shares -------===//

#ifndef HIGHWATER_CHECKS_SHAREDDIAGNOSTICS_H
#define HIGHWATER_CHECKS_SHAREDDIAGNOSTICS_H

#include "ContainerModel.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::highwater {

/// "release it with 'x = T();'", or what to do when no in-place idiom
/// releases the type.
std::string releaseAdvice(const ContainerInfo &Info, StringRef Idiom);

/// For slots of 128 bytes and more held inline (vectors, flat hash tables):
/// a pointer per slot would be retained instead of the whole value.
void noteInlineSlots(ClangTidyCheck &Check, SourceLocation Loc,
                     const ContainerInfo &Info, const ASTContext &Ctx);

/// The bounded policy for a buffer reused on purpose: keep the capacity
/// while it stays near the expected size, release it after a spike.
void noteBoundedPolicy(ClangTidyCheck &Check, SourceLocation Loc,
                       const ContainerInfo &Info, StringRef Object);

void noteNoFix(ClangTidyCheck &Check, SourceLocation Loc, StringRef Reason);

} // namespace clang::tidy::highwater

#endif

//===--- SharedDiagnostics.cpp --------------------------------------------===//

#include "SharedDiagnostics.h"

namespace clang::tidy::highwater {

std::string releaseAdvice(const ContainerInfo &Info, StringRef Idiom) {
  if (Info.Family->NoInPlaceRelease)
    return "it has no in-place release: destroy it or its owner when done";
  return "release it with '" + Idiom.str() + "'";
}

void noteInlineSlots(ClangTidyCheck &Check, SourceLocation Loc,
                     const ContainerInfo &Info, const ASTContext &Ctx) {
  if (Info.SlotBytes < 128 || (Info.Storage != StorageKind::Vector &&
                               Info.Storage != StorageKind::FlatHash))
    return;
  Check.diag(Loc,
             "each retained slot holds a %0-byte '%1' inline; storing "
             "'std::unique_ptr<%2>' would keep one pointer per slot instead",
             DiagnosticIDs::Note)
      << static_cast<unsigned>(Info.SlotBytes)
      << Info.ElementType.getAsString(Ctx.getPrintingPolicy())
      << Info.MappedType.getAsString(Ctx.getPrintingPolicy());
}

void noteBoundedPolicy(ClangTidyCheck &Check, SourceLocation Loc,
                       const ContainerInfo &Info, StringRef Object) {
  std::string Obj = Object.str();
  std::string Policy;
  if (Info.isContiguous())
    Policy = "if (" + Obj + ".capacity() > Limit) { " + Obj + ".clear(); " +
             Obj + ".shrink_to_fit(); }";
  else if (Info.Storage == StorageKind::BucketHash &&
           StringRef(Info.Family->Name).starts_with("std::"))
    Policy = "if (" + Obj + ".bucket_count() > Limit) { " + Obj +
             ".clear(); " + Obj + ".rehash(0); }";
  else
    return;
  Check.diag(Loc,
             "if the storage is reused on purpose, bound it instead: '%0'",
             DiagnosticIDs::Note)
      << Policy;
}

void noteNoFix(ClangTidyCheck &Check, SourceLocation Loc, StringRef Reason) {
  Check.diag(Loc, "not fixed automatically: %0", DiagnosticIDs::Note) << Reason;
}

} // namespace clang::tidy::highwater

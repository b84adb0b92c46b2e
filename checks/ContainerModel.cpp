//===--- ContainerModel.cpp -----------------------------------------------===//

#include "ContainerModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::highwater {

std::string qualifiedNameWithoutInlineNamespaces(const NamedDecl *D) {
  llvm::SmallVector<StringRef, 4> Parts;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (!RD->getIdentifier())
        return "";
      Parts.push_back(RD->getName());
    } else if (!isa<TranslationUnitDecl>(DC) && !isa<LinkageSpecDecl>(DC)) {
      return ""; // Declared inside a function: never a known container.
    }
  }
  std::string Name;
  for (StringRef Part : llvm::reverse(Parts)) {
    Name += Part;
    Name += "::";
  }
  if (!D->getIdentifier())
    return "";
  Name += D->getName();
  return Name;
}

ContainerModel::ContainerModel() {
  auto Add = [this](StringRef Name, StorageKind Storage, bool Adaptor = false) {
    ContainerFamily F;
    F.Name = Name.str();
    F.Storage = Storage;
    F.IsAdaptor = Adaptor;
    Families[Name] = F;
  };
  Add("std::vector", StorageKind::Vector);
  Add("std::basic_string", StorageKind::String);
  Add("std::deque", StorageKind::Deque);
  for (StringRef Name : {"std::unordered_map", "std::unordered_set",
                         "std::unordered_multimap", "std::unordered_multiset"})
    Add(Name, StorageKind::BucketHash);
  for (StringRef Name : {"std::map", "std::set", "std::multimap",
                         "std::multiset", "std::list", "std::forward_list"})
    Add(Name, StorageKind::Node);
  // An adaptor's storage is its underlying container's; see classify().
  for (StringRef Name : {"std::queue", "std::stack", "std::priority_queue"})
    Add(Name, StorageKind::Deque, /*Adaptor=*/true);
}

std::vector<std::string> ContainerModel::addFamilies(StringRef Spec) {
  std::vector<std::string> Invalid;
  llvm::SmallVector<StringRef, 32> Entries;
  Spec.split(Entries, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    auto [Name, Behaviour] = Entry.split('=');
    Name = Name.trim();
    llvm::SmallVector<StringRef, 4> Words;
    Behaviour.split(Words, ',', -1, false);
    if (Name.empty() || Words.empty()) {
      Invalid.push_back(Entry.str());
      continue;
    }
    std::optional<StorageKind> Storage =
        llvm::StringSwitch<std::optional<StorageKind>>(Words[0].trim())
            .Case("vector", StorageKind::Vector)
            .Case("string", StorageKind::String)
            .Case("deque", StorageKind::Deque)
            .Case("bucket-hash", StorageKind::BucketHash)
            .Case("flat-hash", StorageKind::FlatHash)
            .Case("node", StorageKind::Node)
            .Default(std::nullopt);
    if (!Storage) {
      Invalid.push_back(Entry.str());
      continue;
    }
    ContainerFamily F;
    F.Name = Name.str();
    F.Storage = *Storage;
    bool Ok = true;
    for (StringRef Flag : llvm::drop_begin(Words)) {
      Flag = Flag.trim();
      if (Flag == "clear-frees")
        F.ClearFrees = true;
      else if (Flag == "no-release")
        F.NoInPlaceRelease = true;
      else
        Ok = false;
    }
    if (!Ok) {
      Invalid.push_back(Entry.str());
      continue;
    }
    Families[F.Name] = F;
  }
  return Invalid;
}

const ContainerFamily *ContainerModel::findFamily(StringRef Name) const {
  auto It = Families.find(Name);
  return It == Families.end() ? nullptr : &It->second;
}

/// The type a member typedef such as value_type names, or a null type.
QualType memberTypedef(const CXXRecordDecl *RD, StringRef Name,
                       const ASTContext &Ctx) {
  for (const NamedDecl *ND : RD->lookup(&Ctx.Idents.get(Name)))
    if (const auto *TD = dyn_cast<TypedefNameDecl>(ND))
      return TD->getUnderlyingType();
  // Some containers inherit their typedefs (llvm::SmallVector).
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (const CXXRecordDecl *BaseRD = Base.getType()->getAsCXXRecordDecl())
      if (BaseRD->hasDefinition())
        if (QualType T = memberTypedef(BaseRD, Name, Ctx); !T.isNull())
          return T;
  return {};
}

QualType elementTypeOf(QualType T, const ASTContext &Ctx) {
  if (T.isNull() || T->isDependentType())
    return {};
  T = T.getNonReferenceType();
  if (const ArrayType *AT = Ctx.getAsArrayType(T))
    return AT->getElementType();
  const auto *RD = T.getCanonicalType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return {};
  return memberTypedef(RD, "value_type", Ctx);
}

static std::optional<uint64_t> sizeInBytes(QualType T, const ASTContext &Ctx) {
  if (T.isNull() || T->isDependentType() || T->isIncompleteType())
    return std::nullopt;
  if (std::optional<CharUnits> Size = Ctx.getTypeSizeInCharsIfKnown(T))
    return static_cast<uint64_t>(Size->getQuantity());
  return std::nullopt;
}

/// A member function named \p Name, declared in \p RD or a base.
static bool hasMember(const CXXRecordDecl *RD, StringRef Name,
                      const ASTContext &Ctx, unsigned Depth = 0) {
  if (!RD || !RD->hasDefinition() || Depth > 4)
    return false;
  for (const NamedDecl *ND : RD->lookup(&Ctx.Idents.get(Name)))
    if (isa<CXXMethodDecl, FunctionTemplateDecl, UsingShadowDecl>(ND))
      return true;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (hasMember(Base.getType()->getAsCXXRecordDecl(), Name, Ctx, Depth + 1))
      return true;
  return false;
}

bool isContainerLikeClass(const CXXRecordDecl *RD, const ASTContext &Ctx) {
  return hasMember(RD, "size", Ctx) && hasMember(RD, "clear", Ctx) &&
         (hasMember(RD, "begin", Ctx) || hasMember(RD, "empty", Ctx));
}

/// A hasher, comparator or allocator type that carries state.
static bool isStateful(QualType T) {
  if (T.isNull())
    return false;
  const auto *RD = T.getCanonicalType()->getAsCXXRecordDecl();
  if (!RD)
    return true; // A function pointer comparator, for instance.
  return !RD->hasDefinition() || !RD->isEmpty();
}

static bool isCallableWithoutArguments(const CXXConstructorDecl *Ctor) {
  return Ctor && Ctor->getMinRequiredArguments() == 0 && !Ctor->isDeleted() &&
         Ctor->getAccess() == AS_public;
}

static bool isDefaultConstructible(const CXXRecordDecl *RD) {
  if (RD->needsImplicitDefaultConstructor())
    return true;
  for (const CXXConstructorDecl *Ctor : RD->ctors())
    if (isCallableWithoutArguments(Ctor))
      return true;
  // std::queue's default constructor is a constructor template.
  for (const Decl *D : RD->decls())
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      if (isCallableWithoutArguments(
              dyn_cast<CXXConstructorDecl>(Template->getTemplatedDecl())))
        return true;
  return false;
}

/// Finds the family of \p RD, or of one of its bases (a class derived from
/// std::vector keeps storage like std::vector does).
static const ContainerFamily *familyOf(const ContainerModel &Model,
                                       const CXXRecordDecl *RD,
                                       unsigned Depth = 0) {
  if (const ContainerFamily *F =
          Model.findFamily(qualifiedNameWithoutInlineNamespaces(RD)))
    return F;
  if (Depth > 3 || !RD->hasDefinition())
    return nullptr;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (const CXXRecordDecl *BaseRD = Base.getType()->getAsCXXRecordDecl())
      if (const ContainerFamily *F = familyOf(Model, BaseRD, Depth + 1))
        return F;
  return nullptr;
}

std::optional<ContainerInfo> ContainerModel::classify(QualType T,
                                                      const ASTContext &Ctx) const {
  if (T.isNull())
    return std::nullopt;
  T = T.getNonReferenceType();
  if (T->isPointerType()) // The object of `p->clear()`.
    T = T->getPointeeType();
  if (T->isDependentType() || T->containsErrors())
    return std::nullopt;
  const auto *RD = T.getCanonicalType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->isInvalidDecl())
    return std::nullopt;
  const ContainerFamily *Family = familyOf(*this, RD);
  if (!Family)
    return std::nullopt;

  ContainerInfo Info;
  Info.Family = Family;
  Info.Storage = Family->Storage;
  Info.Type = T.getUnqualifiedType();
  Info.ElementType = memberTypedef(RD, "value_type", Ctx);
  Info.MappedType = memberTypedef(RD, "mapped_type", Ctx);
  if (Info.MappedType.isNull())
    Info.MappedType = Info.ElementType;
  Info.DefaultConstructible = isDefaultConstructible(RD);
  Info.HasSwap = hasMember(RD, "swap", Ctx);
  Info.HasShrinkToFit = hasMember(RD, "shrink_to_fit", Ctx);
  Info.HasRehash = hasMember(RD, "rehash", Ctx);

  for (StringRef Part : {"allocator_type", "hasher", "key_equal", "key_compare",
                         "value_compare"}) {
    // std::map's value_compare is a nested class wrapping key_compare.
    if (Part == "value_compare" && !Family->IsAdaptor)
      continue;
    if (isStateful(memberTypedef(RD, Part, Ctx)))
      Info.HasStatefulParts = true;
  }

  if (QualType Alloc = memberTypedef(RD, "allocator_type", Ctx); !Alloc.isNull())
    if (const auto *AllocRD = Alloc.getCanonicalType()->getAsCXXRecordDecl())
      Info.HasCustomAllocator =
          qualifiedNameWithoutInlineNamespaces(AllocRD) != "std::allocator";

  if (Family->IsAdaptor) {
    std::optional<ContainerInfo> Underlying =
        classify(memberTypedef(RD, "container_type", Ctx), Ctx);
    if (!Underlying)
      return std::nullopt;
    Info.Storage = Underlying->Storage;
    Info.HasStatefulParts |= Underlying->HasStatefulParts;
    Info.HasCustomAllocator |= Underlying->HasCustomAllocator;
  }

  std::optional<uint64_t> ElementBytes = sizeInBytes(Info.ElementType, Ctx);
  Info.ElementBytes = ElementBytes.value_or(0);
  uint64_t PointerBytes = Ctx.getTypeSize(Ctx.VoidPtrTy) / Ctx.getCharWidth();
  switch (Info.Storage) {
  case StorageKind::Vector:
  case StorageKind::String:
  case StorageKind::FlatHash:
    if (!ElementBytes)
      return std::nullopt;
    Info.SlotBytes = *ElementBytes;
    break;
  case StorageKind::BucketHash:
  case StorageKind::Deque:
    Info.SlotBytes = PointerBytes;
    break;
  case StorageKind::Node:
    Info.SlotBytes = 0;
    break;
  }
  return Info;
}

static std::string quoted(QualType T, const ASTContext &Ctx) {
  return "'" + T.getAsString(Ctx.getPrintingPolicy()) + "'";
}

static SlotContents classifySlotImpl(QualType Element, const ASTContext &Ctx,
                                     const ContainerModel &Model,
                                     unsigned Depth) {
  SlotContents Slot;
  if (Element.isNull() || Element->isDependentType() || Depth > 3)
    return Slot;
  QualType Canonical = Element.getCanonicalType();
  if (Canonical->isPointerType() || Canonical->isReferenceType() ||
      Canonical->isMemberPointerType() || Canonical->isBlockPointerType()) {
    Slot.Ownership = SlotOwnership::RawPointer;
    Slot.NullAssignable = !Canonical->isReferenceType();
    Slot.KeptAlive = quoted(Element, Ctx);
    return Slot;
  }
  const auto *RD = Canonical->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return Slot;
  std::string Name = qualifiedNameWithoutInlineNamespaces(RD);
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  auto FirstArgument = [&]() -> QualType {
    if (!Spec || Spec->getTemplateArgs().size() == 0 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return {};
    return Spec->getTemplateArgs()[0].getAsType();
  };
  if (Name == "std::shared_ptr" || Name == "std::unique_ptr") {
    Slot.Ownership = SlotOwnership::Owning;
    Slot.HasReset = true;
    Slot.NullAssignable = true;
    QualType Pointee = FirstArgument();
    Slot.KeptAlive = Pointee.isNull() ? "the object it owns"
                                      : "its " + quoted(Pointee, Ctx);
    return Slot;
  }
  if (Name == "std::weak_ptr") {
    Slot.Ownership = SlotOwnership::WeakPointer;
    Slot.HasReset = true;
    Slot.KeptAlive = "its control block";
    return Slot;
  }
  if (Name == "std::function" || Name == "std::move_only_function" ||
      Name == "std::copyable_function") {
    Slot.Ownership = SlotOwnership::Owning;
    Slot.NullAssignable = true;
    Slot.KeptAlive = "its captures";
    return Slot;
  }
  if (Name == "std::any") {
    Slot.Ownership = SlotOwnership::Owning;
    Slot.HasReset = true;
    Slot.KeptAlive = "its contents";
    return Slot;
  }
  if (Name == "std::optional") {
    SlotContents Inner =
        classifySlotImpl(FirstArgument(), Ctx, Model, Depth + 1);
    Inner.HasReset = Inner.Ownership != SlotOwnership::Plain;
    Inner.NullAssignable = false;
    Inner.IsContainer = false;
    return Inner;
  }
  if (Model.classify(Element, Ctx)) {
    Slot.Ownership = SlotOwnership::Owning;
    Slot.IsContainer = true;
    Slot.KeptAlive = "its heap storage";
    return Slot;
  }
  // A class: what its fields own. A user-provided destructor owns something.
  for (const FieldDecl *Field : RD->fields()) {
    SlotContents FieldSlot =
        classifySlotImpl(Field->getType(), Ctx, Model, Depth + 1);
    if (FieldSlot.Ownership > Slot.Ownership)
      Slot.Ownership = FieldSlot.Ownership;
  }
  if (Slot.Ownership == SlotOwnership::Plain && RD->hasUserDeclaredDestructor() &&
      !RD->hasTrivialDestructor())
    Slot.Ownership = SlotOwnership::Owning;
  if (Slot.Ownership != SlotOwnership::Plain) {
    Slot.KeptAlive = Slot.Ownership == SlotOwnership::RawPointer
                         ? "the pointers in its " + quoted(Element, Ctx)
                         : "what its " + quoted(Element, Ctx) + " owns";
    Slot.BraceResettable = !RD->isAbstract();
  }
  return Slot;
}

SlotContents classifySlot(QualType Element, const ASTContext &Ctx,
                          const ContainerModel &Model) {
  return classifySlotImpl(Element, Ctx, Model, 0);
}

std::string ContainerInfo::describeRetainedStorage() const {
  std::string Bytes = std::to_string(SlotBytes);
  switch (Storage) {
  case StorageKind::Vector:
    return "element buffer (" + Bytes + " bytes per element)";
  case StorageKind::String:
    return "character buffer (" + Bytes + " byte" + (SlotBytes == 1 ? "" : "s") +
           " per character)";
  case StorageKind::Deque:
    return "block map (" + Bytes + " bytes per block)";
  case StorageKind::BucketHash:
    return "bucket array (" + Bytes + " bytes per bucket)";
  case StorageKind::FlatHash:
    return "slot array (" + Bytes + " bytes per slot)";
  case StorageKind::Node:
    return "nodes";
  }
  return "storage";
}

bool ContainerInfo::supports(ReleaseStyle Style) const {
  const bool Standard = StringRef(Family->Name).starts_with("std::");
  switch (Style) {
  case ReleaseStyle::Reassign:
    // libstdc++ copies a short source string into the existing buffer.
    return Storage != StorageKind::String;
  case ReleaseStyle::Swap:
    return HasSwap;
  case ReleaseStyle::Shrink:
    // A deque's shrink_to_fit() keeps its block map; rehash(0) shrinks only
    // the standard unordered containers for certain.
    if (isHashTable())
      return HasRehash && Standard;
    return isContiguous() && HasShrinkToFit;
  }
  return false;
}

ReleaseStyle ContainerInfo::effectiveStyle(ReleaseStyle Preferred) const {
  if (supports(Preferred))
    return Preferred;
  for (ReleaseStyle Style :
       {ReleaseStyle::Reassign, ReleaseStyle::Swap, ReleaseStyle::Shrink})
    if (supports(Style))
      return Style;
  return ReleaseStyle::Reassign;
}

std::string ContainerInfo::releaseIdiom(ReleaseStyle Preferred,
                                        StringRef Object,
                                        StringRef TypeName) const {
  std::string Obj = Object.str();
  if (Storage == StorageKind::Node)
    return Obj + ".clear();";
  switch (effectiveStyle(Preferred)) {
  case ReleaseStyle::Reassign:
    return Obj + " = " + TypeName.str() + "();";
  case ReleaseStyle::Swap:
    return TypeName.str() + "().swap(" + Obj + ");";
  case ReleaseStyle::Shrink:
    if (isHashTable())
      return Obj + ".clear(); " + Obj + ".rehash(0);";
    return Obj + ".clear(); " + Obj + ".shrink_to_fit();";
  }
  return "";
}

} // namespace clang::tidy::highwater

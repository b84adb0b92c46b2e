//===--- ContainerModel.h - which containers keep storage when emptied ----===//
//
// The container model: for a type (seen through typedefs, aliases, template
// arguments and references) it tells which container family it is, what stays
// allocated when the container is emptied, how many bytes one retained slot
// holds, and which idiom really gives the storage back.
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_CHECKS_CONTAINERMODEL_H
#define HIGHWATER_CHECKS_CONTAINERMODEL_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::highwater {

/// What an emptied container still holds.
enum class StorageKind {
  Vector,     ///< Contiguous element buffer (capacity stays).
  String,     ///< Contiguous character buffer (capacity stays).
  Deque,      ///< Blocks are freed as they empty; the block map stays.
  BucketHash, ///< Nodes are freed; the array of bucket pointers stays.
  FlatHash,   ///< Open addressing: the array of inline slots stays.
  Node,       ///< Node-based (map, set, list): nothing stays.
};

/// How a fix or a message releases the storage.
enum class ReleaseStyle {
  Reassign, ///< x = T();
  Swap,     ///< T().swap(x);
  Shrink,   ///< x.clear(); x.shrink_to_fit();  (x.rehash(0) for hash tables)
};

/// Facts about one family of containers, independent of element type.
struct ContainerFamily {
  std::string Name; ///< Qualified, without inline namespaces.
  StorageKind Storage = StorageKind::Vector;
  /// clear() already frees the storage (absl::InlinedVector, absl's hash
  /// tables from capacity 128): an emptying by clear() is not a finding.
  bool ClearFrees = false;
  /// No in-place idiom releases it (llvm::SmallVector's move assignment
  /// copies a small source into the existing buffer).
  bool NoInPlaceRelease = false;
  bool IsAdaptor = false;
};

/// A container type classified by the model.
struct ContainerInfo {
  const ContainerFamily *Family = nullptr;
  /// For adaptors, the storage of the underlying container; otherwise the
  /// family's own.
  StorageKind Storage = StorageKind::Vector;
  QualType Type;        ///< The container type, references stripped.
  QualType ElementType; ///< value_type (pair<const K, V> for maps).
  QualType MappedType;  ///< mapped_type for maps, else ElementType.
  uint64_t ElementBytes = 0;
  /// Bytes one retained slot holds after emptying (0: nothing retained).
  uint64_t SlotBytes = 0;
  /// A hasher, comparator or allocator with state that reassigning or
  /// swapping with a default-constructed container would lose.
  bool HasStatefulParts = false;
  /// An allocator other than std::allocator (a pool, an arena): what a
  /// release gives back may go to memory the program manages itself.
  bool HasCustomAllocator = false;
  bool DefaultConstructible = false;
  /// Members the release idioms call.
  bool HasSwap = false;
  bool HasShrinkToFit = false;
  bool HasRehash = false;

  /// True when \p Style can be written for this type at all.
  bool supports(ReleaseStyle Style) const;

  bool retainsStorage() const { return SlotBytes > 0; }
  bool isHashTable() const {
    return Storage == StorageKind::BucketHash ||
           Storage == StorageKind::FlatHash;
  }
  bool isContiguous() const {
    return Storage == StorageKind::Vector || Storage == StorageKind::String;
  }
  /// "bucket array (8 bytes per bucket)" and the like.
  std::string describeRetainedStorage() const;
  /// The idiom that releases the storage for this type, in \p Preferred
  /// style when that style works for it. \p Object is the container as
  /// spelled at the use, \p TypeName the type as spelled for the fix.
  std::string releaseIdiom(ReleaseStyle Preferred, StringRef Object,
                           StringRef TypeName) const;
  /// The style releaseIdiom() really uses for \p Preferred: the preferred
  /// one when it releases this type and the type has the members it calls,
  /// else the first of reassign, swap, shrink that does.
  ReleaseStyle effectiveStyle(ReleaseStyle Preferred) const;
};

/// What a slot left past a logical end still holds.
enum class SlotOwnership {
  Plain,       ///< Values that own nothing (ints, plain structs).
  RawPointer,  ///< Raw pointers or references: stale, nothing retained.
  WeakPointer, ///< std::weak_ptr: the control block stays allocated.
  Owning,      ///< Smart pointers, strings, containers, std::function...
};

struct SlotContents {
  SlotOwnership Ownership = SlotOwnership::Plain;
  /// What stays alive: "its 'Session'", "its heap buffer", "its captures".
  std::string KeptAlive;
  /// std::unique_ptr / std::shared_ptr / std::weak_ptr / std::optional /
  /// std::any: reset with `.reset()`.
  bool HasReset = false;
  /// Raw pointers and std::function: reset with `= nullptr`.
  bool NullAssignable = false;
  /// A container or string: `= {}` keeps its buffer, so no such fix.
  bool IsContainer = false;
  /// A class type that `= {}` empties (move-assigned from a fresh value).
  bool BraceResettable = false;
};

class ContainerModel;

/// Classifies what one element of type \p Element keeps alive.
SlotContents classifySlot(QualType Element, const ASTContext &Ctx,
                          const ContainerModel &Model);

class ContainerModel {
public:
  ContainerModel();

  /// Adds "qualified::name=behaviour[,flag...]" entries separated by ';'.
  /// Behaviours: vector, string, deque, bucket-hash, flat-hash, node.
  /// Flags: clear-frees, no-release. Returns the entries it could not read.
  std::vector<std::string> addFamilies(StringRef Spec);

  /// Classifies \p T; std::nullopt for anything that is not a known,
  /// complete, non-dependent container type.
  std::optional<ContainerInfo> classify(QualType T,
                                        const ASTContext &Ctx) const;

  const ContainerFamily *findFamily(StringRef QualifiedName) const;

private:
  llvm::StringMap<ContainerFamily> Families;
};

/// The element type of an array, std::array, vector or any class with a
/// value_type, or a null type.
QualType elementTypeOf(QualType T, const ASTContext &Ctx);

/// The type a member typedef \p Name of \p RD (or of one of its bases)
/// names: `value_type`, `mapped_type`... or a null type.
QualType memberTypedef(const CXXRecordDecl *RD, StringRef Name,
                       const ASTContext &Ctx);

/// A class that looks like a container itself: size(), clear(), and
/// begin() or empty() (a small vector, an interval set).
bool isContainerLikeClass(const CXXRecordDecl *RD, const ASTContext &Ctx);

/// The qualified name of \p D without inline namespaces ("std::basic_string"
/// rather than "std::__cxx11::basic_string").
std::string qualifiedNameWithoutInlineNamespaces(const NamedDecl *D);

} // namespace clang::tidy::highwater

#endif

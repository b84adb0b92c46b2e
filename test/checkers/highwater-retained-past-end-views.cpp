// RUN: %check_highwater %s highwater-retained-past-end %t -- -- -std=c++20
// RUN: %check_highwater -check-suffixes=AUDIT %s highwater-retained-past-end %t -- -config="{CheckOptions: {highwater-retained-past-end.Mode: audit}}" -- -std=c++20

// Look-alikes found in real code (docs/validation.md): values that hold a
// pointer among their fields, a ring's write cursor set back, and element
// types spelled through a template's member typedef.

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

// A token is a value with a pointer in a union: overwritten in place, it
// retains nothing. Only audits report it.
struct Token {
  int Kind;
  union {
    int Number;
    const std::string *Text;
  };
};

class TokenStream {
public:
  void push(const Token &T) { Pending[Count++] = T; }
  Token pop() {
    --Count;
    // CHECK-MESSAGES-AUDIT: :[[@LINE-1]]:5: warning: '--Count' moves the logical end of 'Pending' back without resetting the vacated slot: a stale 'Token' survives past the logical end; reset it with 'Pending[Count] = {};'
    // CHECK-FIXES-AUDIT: {{^}}    --Count; Pending[Count] = {};{{$}}
    return Pending[Count];
  }

private:
  Token Pending[2];
  int Count = 0;
};

// A pointer element is reported in every mode.
class Stack {
public:
  void push(std::string *S) { Items[Size++] = S; }
  void pop() {
    --Size;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: '--Size' moves the logical end of 'Items' back without resetting the vacated slot: a stale 'std::string *' survives past the logical end; reset it with 'Items[Size] = nullptr;'
    // CHECK-MESSAGES-AUDIT: :[[@LINE-2]]:5: warning: '--Size' moves the logical end of 'Items' back
    // CHECK-FIXES: {{^}}    --Size; Items[Size] = nullptr;{{$}}
    // CHECK-FIXES-AUDIT: {{^}}    --Size; Items[Size] = nullptr;{{$}}
  }

private:
  std::string *Items[64];
  int Size = 0;
};

// The write cursor of a ring of the last N events: every slot stays a live
// entry, so setting the cursor back vacates nothing.
class LastEvents {
public:
  explicit LastEvents(std::size_t N) : Ring(N) {}
  void add(std::shared_ptr<std::string> E) {
    Ring[Next] = std::move(E);
    Next = (Next + 1) % Ring.size();
  }
  void shrinkTo(std::size_t N) {
    if (N < Ring.size())
      Ring.erase(Ring.begin(), Ring.begin() + (Ring.size() - N));
    Next = 0;
  }

private:
  std::vector<std::shared_ptr<std::string>> Ring;
  std::size_t Next = 0;
};

// The element type is named as the type, not as the template's typedef.
template <typename Container> class Keys {
public:
  void add(typename Container::value_type K) { Slots[Count++] = std::move(K); }
  void reset() {
    Count = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Count = 0' moves the logical end of 'Slots' back without resetting the vacated slots: the 'std::shared_ptr<int>' objects left there keep what they own alive; reset them first with 'for (decltype(Count) I = 0; I < Count; ++I) Slots[I].reset();'
    // CHECK-MESSAGES-AUDIT: :[[@LINE-2]]:5: warning: 'Count = 0' moves the logical end of 'Slots' back
  }

private:
  typename Container::value_type Slots[8];
  std::size_t Count = 0;
};

template class Keys<std::vector<std::shared_ptr<int>>>;

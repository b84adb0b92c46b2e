#include <vector>

// Does not parse: the audit must report this TU as failed and go on.
class Broken {
  std::vector<int> Values
  void f( { Values.clear(); }
};

interface TrieNode {
  children: Map<string, TrieNode>;
  isTerm: boolean;
}

const trieNode = (): TrieNode => ({ children: new Map(), isTerm: false });

/**
 * The index's terms as a trie, for the two lookups a hash map cannot do: completing the word
 * being typed, and finding the terms within a few typos of an unknown word.
 */
export function createTermTrie() {
  const root = trieNode();
  const find = (term: string) => {
    let node: TrieNode | undefined = root;
    for (let i = 0; node && i < term.length; i++) node = node.children.get(term[i]!);
    return node;
  };
  return {
    add(term: string) {
      let node = root;
      for (let i = 0; i < term.length; i++) {
        const next = node.children.get(term[i]!) ?? trieNode();
        node.children.set(term[i]!, next);
        node = next;
      }
      node.isTerm = true;
    },
    delete(term: string) {
      const path = [root];
      for (let i = 0; i < term.length; i++) {
        const next = path.at(-1)!.children.get(term[i]!);
        if (!next) return;
        path.push(next);
      }
      path.at(-1)!.isTerm = false;
      // Prune the branch back to the last node still needed, so deleted terms leave no dead paths to walk.
      for (let i = term.length; i > 0 && !path[i]!.isTerm && path[i]!.children.size === 0; i--) path[i - 1]!.children.delete(term[i - 1]!);
    },
    /** Every term that starts with prefix, itself included. */
    withPrefix(prefix: string): string[] {
      const found: string[] = [];
      const collect = (node: TrieNode, term: string) => {
        if (node.isTerm) found.push(term);
        for (const [char, child] of node.children) collect(child, term + char);
      };
      const start = find(prefix);
      if (start) collect(start, prefix);
      return found;
    },
    /**
     * Terms within maxDistance Levenshtein edits of query, with their distance. One matrix row per
     * trie depth, shared by every term below it; a branch is abandoned once its whole row exceeds the distance.
     */
    within(query: string, maxDistance: number): Map<string, number> {
      const found = new Map<string, number>();
      const visit = (node: TrieNode, term: string, previous: number[]) => {
        for (const [char, child] of node.children) {
          const row = [previous[0]! + 1];
          let best = row[0]!;
          for (let j = 1; j <= query.length; j++) {
            const cost = Math.min(row[j - 1]! + 1, previous[j]! + 1, previous[j - 1]! + (query[j - 1] === char ? 0 : 1));
            row.push(cost);
            if (cost < best) best = cost;
          }
          if (child.isTerm && row[query.length]! <= maxDistance) found.set(term + char, row[query.length]!);
          if (best <= maxDistance) visit(child, term + char, row);
        }
      };
      visit(root, '', Array.from({ length: query.length + 1 }, (_, i) => i));
      return found;
    },
  };
}

"""Training: merge the most frequent adjacent pair of tokens, again and again.

Each distinct chunk of the corpus (" guppy", "'s", "42") is a word: a list of token ids, at first
one per byte, with a count (how many times the chunk occurs). A merge replaces every adjacent
(left, right) of the most frequent pair with one new token. Three things keep this fast in pure
Python, without changing the result:
- identical chunks are counted once (a word with its count), never re-read;
- pair counts are kept up to date: a merge recounts only the words that hold the pair (`where`
  remembers which those are), never the whole corpus;
- a heap holds the candidate pairs, so picking the best one does not scan all pairs. Counts only
  go down as merges happen, so an entry whose count has changed is simply pushed back with its
  current count when it comes up ("lazy" updates).

Ties: pairs with equal counts are taken in order of (left id, right id), smallest first. Hugging
Face's BpeTrainer uses the same rule, and with our byte ids in its order (byte_level.BYTE_ORDER)
both trainers learn the same merges from the same chunks.
"""
import heapq
from collections import defaultdict

from tqdm import tqdm


def merge(ids: list[int], pair: tuple[int, int], new_id: int) -> list[int]:
    """Replaces every (left, right) of pair in ids, left to right, with new_id.

    Example: merge([1, 2, 3, 1, 2], (1, 2), 4) -> [4, 3, 4]; merge([5, 5, 5], (5, 5), 6) -> [6, 5]
    """
    left, right = pair
    out = []
    i, n = 0, len(ids)
    while i < n:
        if ids[i] == left and i + 1 < n and ids[i + 1] == right:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def learn_merges(words: dict[tuple[int, ...], int], vocab: dict[int, bytes], vocab_size: int,
                 min_frequency: int = 2, progress: bool = False) -> list[tuple[int, int]]:
    """Learns merges until vocab has vocab_size tokens or no pair occurs min_frequency times.

    words: (token ids of one chunk) -> how many times the chunk occurs
    vocab: id -> bytes, ids 0..len(vocab)-1; the new tokens are added to it, in place.
    Returns the merges in the order they were learned (the order encoding applies them).

    Example (minbpe's): with vocab {0: b'a', 1: b'b', 2: b'c', 3: b'd'} and the single word
    "aaabdaaabac" = (0, 0, 0, 1, 3, 0, 0, 0, 1, 0, 2), vocab_size 7 and min_frequency 1:
      (0, 0) 'aa' occurs 4 times                 -> id 4:  [4, 0, 1, 3, 4, 0, 1, 0, 2]
      (0, 1) 'ab' and (4, 0) 'aaa' both occur 2 times; (0, 1) is smaller -> id 5: [4, 5, 3, 4, 5, 0, 2]
      (4, 5) 'aaab' occurs 2 times               -> id 6:  [6, 3, 6, 0, 2]
    and learn_merges returns [(0, 0), (0, 1), (4, 5)].
    """
    min_count = max(min_frequency, 1)
    word_list = [list(word) for word in words]  # the words, merged as we go
    counts = list(words.values())  # counts[i]: how many times word_list[i] occurs
    pair_counts = defaultdict(int)  # (int, int) -> occurrences in the corpus
    where = defaultdict(set)  # (int, int) -> indices of the words that hold it (or once did)
    for i, (word, count) in enumerate(zip(word_list, counts)):
        for pair in zip(word, word[1:]):
            pair_counts[pair] += count
            where[pair].add(i)
    heap = [(-count, pair) for pair, count in pair_counts.items() if count >= min_count]
    heapq.heapify(heap)  # the smallest entry is the most frequent pair, then the smallest pair
    id_of = {token: i for i, token in vocab.items()}  # bytes -> id
    merges = []
    bar = tqdm(total=max(vocab_size - len(vocab), 0), desc="merges", unit="merge", disable=not progress)
    while len(vocab) < vocab_size and heap:
        negative_count, pair = heapq.heappop(heap)
        count = pair_counts[pair]
        if count != -negative_count:  # stale: the count changed after this entry was pushed
            if count >= min_count:
                heapq.heappush(heap, (-count, pair))
            continue
        if count < min_count:  # the best pair is too rare: no pair is frequent enough
            break
        token = vocab[pair[0]] + vocab[pair[1]]
        # subtle: two different merges can spell the same bytes (a+bc, ab+c); like Hugging Face,
        # the second one reuses the first one's id, since a tokenizer.json maps each token to one id.
        new_id = id_of.get(token)
        if new_id is None:
            new_id = id_of[token] = len(vocab)
            vocab[new_id] = token
            bar.update(1)
        merges.append(pair)
        new_pairs = set()  # pairs that hold new_id, to push on the heap
        for i in where.pop(pair):
            word = word_list[i]
            merged = merge(word, pair, new_id)
            if len(merged) == len(word):  # an earlier merge took the pair out of this word
                continue
            count = counts[i]
            for old in zip(word, word[1:]):
                pair_counts[old] -= count
            for new in zip(merged, merged[1:]):
                pair_counts[new] += count
                if new_id in new:
                    where[new].add(i)
                    new_pairs.add(new)
            word_list[i] = merged
        for new in new_pairs:
            if pair_counts[new] >= min_count:
                heapq.heappush(heap, (-pair_counts[new], new))
    bar.total = bar.n  # when it stopped early, the bar ends full at the merges it made
    bar.close()
    return merges

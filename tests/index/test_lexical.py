import numpy as np

from index.lexical import BM25


def test_bm25_ranks_by_term_rarity_and_saturation(tmp_path):
    docs = [["tam_gia", "tieu_chi"], ["tieu_chi"] * 5, ["khac"], ["tieu_chi", "khac"]]
    bm25 = BM25.build(docs)
    top = bm25.top({"tam_gia": 1.0, "tieu_chi": 1.0}, k=4)
    assert top[0][0] == 0  # the only document with the rare term wins
    assert {row for row, _ in top} == {0, 1, 3}  # doc 2 shares nothing: not returned


def test_bm25_mask_and_weights(tmp_path):
    bm25 = BM25.build([["a", "b"], ["a"], ["b"]])
    masked = bm25.top({"a": 1.0}, k=3, mask=np.array([False, True, True]))
    assert [row for row, _ in masked] == [1]
    heavy_b = bm25.top({"a": 0.1, "b": 1.0}, k=1)
    assert heavy_b[0][0] in (0, 2)


def test_bm25_save_load_round_trip(tmp_path):
    bm25 = BM25.build([["x", "y"], ["y", "z"]])
    bm25.save(tmp_path / "snap")
    again = BM25.load(tmp_path / "snap")
    q = {"y": 1.0, "z": 1.0}
    assert np.allclose(bm25.scores(q), again.scores(q))
    assert again.idf("never-seen") > again.idf("y")


def test_bm25_scores_equal_the_formula_on_memory_mapped_arrays(tmp_path):
    """Scores added in place from the postings equal BM25 written out term by term, also when
    the arrays are memory-mapped (read-only) and a term repeats in the query's weights."""
    rng = np.random.default_rng(7)
    vocab = [f"t{i}" for i in range(40)]
    docs = [list(rng.choice(vocab, size=rng.integers(1, 30))) for _ in range(300)]
    built = BM25.build(docs, k1=1.2, b=0.75)
    built.save(tmp_path / "snap")
    bm25 = BM25.load(tmp_path / "snap")
    query = {"t0": 1.0, "t3": 0.6, "t17": 2.0, "unknown": 1.0}
    n, avgdl = len(docs), sum(map(len, docs)) / len(docs)
    expected = np.zeros(n)
    for term, w in query.items():
        df = sum(term in d for d in docs)
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
        for row, d in enumerate(docs):
            tf = d.count(term)
            if tf:
                expected[row] += w * idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len(d) / avgdl))
    assert np.allclose(bm25.scores(query), expected, rtol=1e-5)
    top = bm25.top(query, k=5)
    assert [row for row, _ in top] == list(np.argsort(-expected, kind="stable")[:5])
    assert bm25.top({"unknown": 1.0}, k=5) == []

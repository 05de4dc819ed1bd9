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

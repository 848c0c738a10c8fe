# Where may a CMA, under direct supervision and delegated by a physician, give an IM injection?
# Usage: python3 scripts/dataset-example.py DIR   (DIR written by `ma-check export --out DIR`)
import sys

import pandas as pd

d = pd.read_csv(f"{sys.argv[1]}/decisions.csv", dtype=str, keep_default_na=False)


def axis(column, value):  # "*": no rule in force reads this axis, so the row holds for every value
    return d[column].isin([value, "*"])


rows = d[(d.task == "im-injection") & axis("credential", "CMA") & axis("supervision", "direct")
         & axis("delegator", "physician") & (d.training != "none")]  # holding every training the rules name
may = rows[rows.verdict.isin(["allowed", "conditional"])]
print(f"{len(may)} of {len(rows)} jurisdictions: allowed or conditional")
print("prohibited in:", " ".join(rows[rows.verdict == "prohibited"].jurisdiction))
print("left to verify most often:", may.to_verify.str.split(";").explode().value_counts().head(3).to_dict())

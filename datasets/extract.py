#!/usr/bin/python3
"""Extracts the real data sets in datasets/ from Debian packages; not needed to build or test.

The output is committed, so neither the tests nor CI need these packages. To regenerate:

    apt-get install -y --no-install-recommends python3-statsmodels r-base-core r-cran-janeaustenr
    /usr/bin/python3 datasets/extract.py

Conventions (see README.md): a header line; the first column is `date`, an ISO 8601 calendar
date (YYYY-MM-DD) of the first day of the period a value covers (1949-01-01 for January 1949,
1700-01-01 for the year 1700); then the values; `\n` line endings; no missing values.
Running it twice gives byte-identical files.
"""

import csv
import io
import os
import subprocess
import sys
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
STATSMODELS = "/usr/lib/python3/dist-packages/statsmodels/datasets"
TEXT_CHAPTERS = 16  # Pride and Prejudice, chapters 1-16: about 145 KB


def month_date(year_number, month_number):
    return f"{year_number:04d}-{month_number:02d}-01"


def year_date(value):
    return f"{int(float(value)):04d}-01-01"


def write_csv(name, header, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{name}: {len(rows)} rows, {rows[0][0]} .. {rows[-1][0]}")


def number(text):
    """The shortest text of a value, without a trailing .0 on whole numbers."""
    value = float(text)
    return str(int(value)) if value.is_integer() else repr(value)


def statsmodels_rows(name):
    with open(os.path.join(STATSMODELS, name, name + ".csv"), encoding="utf-8") as source:
        return list(csv.reader(source))[1:]


def co2_monthly():
    """Weekly samples (YYYYMMDD, ppm; 59 weeks missing) -> monthly means of the weeks present,
    over the longest run of months that all have a sample (no value is invented)."""
    months = OrderedDict()
    for date, value in statsmodels_rows("co2"):
        if value.strip():
            months.setdefault(int(date[0:4]) * 12 + int(date[4:6]) - 1, []).append(float(value))
    runs, run = [], []
    for month in months:
        if run and month != run[-1] + 1:
            runs.append(run)
            run = []
        run.append(month)
    runs.append(run)
    longest = max(runs, key=len)
    return [[month_date(m // 12, m % 12 + 1), f"{sum(months[m]) / len(months[m]):.2f}"] for m in longest]


def r_series(name):
    """A regular R time series (ts) as (date, value) rows, dated from its tsp attribute."""
    script = (
        f"x <- datasets::{name}; p <- tsp(x); "
        "t <- round(seq(p[1], by = 1 / p[3], length.out = length(x)) * p[3]); "
        "write.csv(data.frame(t = t, f = p[3], v = as.numeric(x)), stdout(), row.names = FALSE)"
    )
    output = subprocess.run(["Rscript", "-e", script], check=True, capture_output=True, text=True).stdout
    rows = []
    for t, frequency, value in list(csv.reader(io.StringIO(output)))[1:]:
        t, frequency = int(t), int(float(frequency))
        if frequency == 1:
            date = year_date(t)
        elif frequency == 12:
            date = month_date(t // 12, t % 12 + 1)
        else:
            sys.exit(f"{name}: unexpected frequency {frequency}")
        rows.append([date, number(value)])
    return rows


def pride_and_prejudice():
    """The opening chapters of Pride and Prejudice as UTF-8 text, ending before the next chapter."""
    script = "writeLines(janeaustenr::prideprejudice, stdout(), useBytes = TRUE)"
    lines = subprocess.run(["Rscript", "-e", script], check=True, capture_output=True,
                           encoding="utf-8").stdout.split("\n")
    end = lines.index(f"Chapter {TEXT_CHAPTERS + 1}")
    text = "\n".join(line.rstrip() for line in lines[:end]).strip() + "\n"
    path = os.path.join(HERE, "text", "pride_and_prejudice.txt")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(text)
    print(f"text/pride_and_prejudice.txt: {len(text.encode('utf-8'))} bytes, "
          f"{text.count(chr(10))} lines, chapters 1-{TEXT_CHAPTERS}")


def main():
    write_csv("co2_mauna_loa_monthly.csv", ["date", "co2_ppm"], co2_monthly())
    write_csv("sunspots_yearly.csv", ["date", "sunspot_number"],
              [[year_date(y), number(v)] for y, v in statsmodels_rows("sunspots")])
    write_csv("nile_flow_yearly.csv", ["date", "flow_1e8_m3"],
              [[year_date(y), number(v)] for y, v in statsmodels_rows("nile")])
    write_csv("air_passengers_monthly.csv", ["date", "passengers_thousands"], r_series("AirPassengers"))
    write_csv("nottingham_temperature_monthly.csv", ["date", "temperature_f"], r_series("nottem"))
    write_csv("lynx_trappings_yearly.csv", ["date", "lynx_trapped"], r_series("lynx"))
    pride_and_prejudice()


if __name__ == "__main__":
    main()

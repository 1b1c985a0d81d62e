"""The original function's lookup, in CPython, timed on the benchmark's addresses.

For each us-* region in turn: a binary search (bisect) over that region's sorted EC2 prefix
starts, then a check of the prefix found; addresses parsed with the ipaddress module.
Usage: python3 original_lookup.py ip-ranges.json addresses.txt  ->  prints ns per lookup.
"""
import bisect
import ipaddress
import json
import sys
import timeit


def load(path):
    with open(path) as f:
        doc = json.load(f)
    regions = {}
    for p in doc["prefixes"]:
        if p["service"] != "EC2" or not p["region"].startswith("us-"):
            continue
        net = ipaddress.ip_network(p["ip_prefix"])
        regions.setdefault(p["region"], []).append((int(net.network_address), int(net.broadcast_address)))
    table = []
    for region, ranges in sorted(regions.items()):
        ranges.sort()
        table.append((region, [r[0] for r in ranges], [r[1] for r in ranges]))
    return table


def region_of(table, literal):
    ip = int(ipaddress.ip_address(literal))
    for region, starts, ends in table:
        i = bisect.bisect_right(starts, ip) - 1
        if i >= 0 and ends[i] >= ip:
            return region
    return None


def main():
    table = load(sys.argv[1])
    with open(sys.argv[2]) as f:
        addresses = [line.strip() for line in f if line.strip()]
    def run():
        for a in addresses:
            region_of(table, a)
    best = min(timeit.repeat(run, number=5, repeat=5))
    print("%.1f" % (best * 1e9 / (5 * len(addresses))))


if __name__ == "__main__":
    main()

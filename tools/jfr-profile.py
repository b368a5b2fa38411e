#!/usr/bin/env python3
"""Summarizes a JFR recording's CPU samples for the offline benchmark (see BENCHMARKS.md).

    jfr print --events jdk.ExecutionSample --stack-depth 96 run.jfr > run.txt
    tools/jfr-profile.py run.txt [--top N]

Prints (1) each sample bucketed by the most specific pipeline step on its stack, (2) the hottest top
frames (self time) and (3) the hottest methods including callees. Shares are of all samples of the
recording, so parts outside the measured run (feed writing, JIT and GC threads) show as their own bucket.
"""
import collections
import re
import sys

FRAME = re.compile(r'^\s+([\w$.<>/]+)\(.*?\)\s+line: (\d+)', re.M)

# First match wins: the more specific steps come before the steps that call them.
BUCKETS = [
    ('detect per post: store serde', ['OutageDetectionProcessor.tally'], ['Serde', 'serialize']),
    ('detect per post: window key', ['OutageDetectionProcessor.tally'], ['windowKey']),
    ('detect per post: author repeat check', ['OutageDetectionProcessor.tally'], ['isRepeat']),
    ('detect per post: other', ['OutageDetectionProcessor.tally'], []),
    ('detect per window: store serde', ['OutageDetectionProcessor.closeWindows'], ['Serde', 'serialize']),
    ('detect per window: judge', ['OutageDetectionProcessor.closeWindows'], ['ServiceDetector']),
    ('detect per window: other', ['OutageDetectionProcessor.closeWindows'], []),
    ('detect: other', ['OutageDetectionProcessor'], []),
    ('classify: matcher', ['ClassifyPostProcessor'], ['ComplaintMatcher']),
    ('classify: repartition serde', ['ClassifyPostProcessor'], ['Serde', 'serialize']),
    ('classify: forward', ['ClassifyPostProcessor'], []),
    ('parse step: PostParser.parse', ['ParsePostProcessor'], ['PostParser.parse']),
    ('parse step: other', ['ParsePostProcessor'], []),
    ('timestamp extractor (parses the post)', ['PostTimestampExtractor'], []),
    ('reading the feed file (FeedReader)', ['FeedReader'], []),
    ('other serdes (sources, sinks)', ['Serde'], []),
    ('other serdes (sources, sinks)', ['serialize'], []),
    ('driver: commit + checkpoint after every record', ['maybeCheckpoint'], []),
    ('driver: commit + checkpoint after every record', ['postCommit'], []),
    ('driver: commit + checkpoint after every record', ['prepareCommit'], []),
    ('driver: commit + checkpoint after every record', ['commitSync'], []),
    ('driver: topic-name regex per record', ['getInputTopicOrPatternPartition'], []),
    ('driver: readyToProcess (String.format per record)', ['readyToProcess'], []),
    ('driver: readyToProcess (String.format per record)', ['isProcessable'], []),
    ('reading output topics', ['TestOutputTopic'], []),
    ('driver: other', ['TopologyTestDriver'], []),
]
RUNS = ['Backtest.run', 'OfflineThroughput.run']


def main():
    text = open(sys.argv[1]).read()
    top = int(sys.argv[sys.argv.index('--top') + 1]) if '--top' in sys.argv else 20
    buckets, self_time, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    n = 0
    for sample in text.split('jdk.ExecutionSample'):
        frames = [f for f, _ in FRAME.findall(sample)]
        if not frames:
            continue
        n += 1
        self_time[frames[0]] += 1
        for f in set(frames):
            inclusive[f] += 1
        buckets[bucket(frames)] += 1
    print(f'samples: {n}\n\n-- by step')
    for name, count in buckets.most_common():
        print(f'{100 * count / n:5.1f}%  {name}')
    print('\n-- self (top frame)')
    for name, count in self_time.most_common(top):
        print(f'{100 * count / n:5.1f}%  {name}')
    print('\n-- inclusive')
    for name, count in inclusive.most_common(top * 2):
        print(f'{100 * count / n:5.1f}%  {name}')


def bucket(frames):
    def has(part):
        return any(part in f for f in frames)
    if not any(has(run) for run in RUNS):
        return '(outside the measured run: feed writing, JIT, GC)'
    for name, within, parts in BUCKETS:
        if all(has(w) for w in within) and (not parts or any(has(p) for p in parts)):
            return name
    return 'run: other'


if __name__ == '__main__':
    main()

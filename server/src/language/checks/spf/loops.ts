/**
 * include/redirect loops (RFC 7208 §4.6.4, §5.2, §6.1): the names whose SPF records reach each
 * other through `include:` and `redirect=` form a graph; a term lies on a loop when its target
 * can reach back to the record it is written in, that is, when both ends are in the same strongly
 * connected component. The graph is explored from the zone's own SPF records, across the
 * workspace.
 */
import type { Zone } from '../../model/zone';
import type { SpfLookupTerm } from '../../spf';
import type { Workspace } from '../../workspace/workspace';
import { zoneSpf, type SpfEntry } from './records';
import { activeLookups, lookupTarget, spfFor } from './targets';

export interface SpfEdge {
  from: string;
  to: string;
  entry: SpfEntry;
  lookup: SpfLookupTerm;
  /** The zone the record of the edge is written in. */
  zone: Zone;
}

export interface LoopGroup {
  /** This zone's edges on one loop component, in source order. */
  edges: SpfEdge[];
  /** For the first edge: the names from its source back to itself. */
  cycle: string[];
}

/** The loops through this zone's SPF records, one group per strongly connected component. */
export function findLoops(zone: Zone, workspace: Workspace): LoopGroup[] {
  // Edges start only at include and redirect terms: with none in the zone there is no graph to
  // build (most zones, and every zone whose SPF records list addresses).
  if (!hasIncludeOrRedirect(zone)) return [];
  const graph = exploreGraph(zone, workspace);
  const component = stronglyConnected(graph);
  const groups = new Map<number, SpfEdge[]>();
  for (const edges of graph.values()) {
    for (const edge of edges) {
      if (edge.zone !== zone || component.get(edge.from) !== component.get(edge.to)) continue;
      const c = component.get(edge.from)!;
      const list = groups.get(c) ?? [];
      list.push(edge);
      groups.set(c, list);
    }
  }
  const result: LoopGroup[] = [];
  for (const edges of groups.values()) {
    edges.sort((a, b) => a.entry.record.start - b.entry.record.start || a.lookup.termIndex - b.lookup.termIndex);
    const first = edges[0];
    result.push({ edges, cycle: [first.from, ...shortestPath(graph, first.to, first.from)] });
  }
  return result.sort((a, b) => a.edges[0].entry.record.start - b.edges[0].entry.record.start);
}

/** Adjacency by name, for every SPF record reachable from the zone's own. */
function hasIncludeOrRedirect(zone: Zone): boolean {
  for (const entries of zoneSpf(zone).byOwner.values()) {
    for (const entry of entries) if (activeLookups(entry).some((l) => l.name === 'include' || l.name === 'redirect')) return true;
  }
  return false;
}

function exploreGraph(zone: Zone, workspace: Workspace): Map<string, SpfEdge[]> {
  const graph = new Map<string, SpfEdge[]>();
  const queue: { name: string; entries: SpfEntry[]; zone: Zone }[] = [];
  const byOwner = zoneSpf(zone).byOwner;
  for (const [name, entries] of byOwner) queue.push({ name, entries, zone });
  const seen = new Set(queue.map((q) => q.name));
  const answers = new Map<string, ReturnType<typeof spfFor>>();
  for (let next = 0; next < queue.length; next++) {
    const node = queue[next];
    const edges: SpfEdge[] = [];
    for (const entry of node.entries) {
      for (const lookup of activeLookups(entry)) {
        if (lookup.name !== 'include' && lookup.name !== 'redirect') continue;
        const target = lookupTarget(entry, lookup);
        if (target === undefined) continue;
        let answer = answers.get(target);
        if (!answer) answers.set(target, (answer = spfFor(zone, workspace, target)));
        if (answer.kind !== 'found') continue;
        edges.push({ from: node.name, to: answer.name, entry, lookup, zone: node.zone });
        if (!seen.has(answer.name)) {
          seen.add(answer.name);
          queue.push({ name: answer.name, entries: answer.entries, zone: answer.zone });
        }
      }
    }
    graph.set(node.name, edges);
  }
  return graph;
}

/** Tarjan's algorithm, iterative: component number by node. */
function stronglyConnected(graph: Map<string, SpfEdge[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  let components = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++].to;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.set(member, components);
        } while (member !== frame.node);
        components++;
      }
    }
  }
  return component;
}

/** Names after `from` up to and including `to`, by breadth-first search (both on one loop). */
function shortestPath(graph: Map<string, SpfEdge[]>, from: string, to: string): string[] {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let next = 0; next < queue.length; next++) {
    const node = queue[next];
    if (node === to) break;
    for (const edge of graph.get(node) ?? []) {
      if (previous.has(edge.to)) continue;
      previous.set(edge.to, node);
      queue.push(edge.to);
    }
  }
  const path: string[] = [];
  for (let n: string | null | undefined = to; n !== null && n !== undefined; n = previous.get(n)) path.unshift(n);
  return path;
}

// The extraction layer: parsed sentences in, propositions out.
//
// Rules over Universal Dependencies v2 trees, one clause at a time: a
// predicate (a verb, or a nominal/adjective with a copula) with its subject,
// object and obliques; passives; copulas and appositions; xcomp chains;
// reported speech (the speaker is kept as attribution); conjuncts distributed
// over shared arguments; relative clauses; reciprocal coordination; WordNet
// nominalizations; possessives and noun modifiers. Negation and modality are
// flags, never dropped.
//
// A Proposition keeps two views of its arguments: the surface phrase (the
// full subtree, for CaRB scoring and as evidence) and a node (the entity
// mention or the head noun phrase without determiners, for the graph).
//
// KG form of obliques: "Putin blamed the tensions on the West" yields the
// relation "blame tension on" with object "West" when the object is a plain
// node and an oblique names an entity; otherwise the direct object is the
// graph object and the obliques stay further arguments ("blame" · "tensions",
// with "on the West" kept as an argument).
//
// Everything here is a pure function of its input and safe to call from many
// threads on one const Extractor.
// This header only gathers the layer's parts, one header per job; code
// outside ingest/extract includes this one.
#pragma once

#include "ingest/extract/baseline.h"        // the pattern baseline (kg extract --baseline)
#include "ingest/extract/boilerplate.h"     // news boilerplate and datelines
#include "ingest/extract/carb.h"            // CaRB output
#include "ingest/extract/derivations.h"     // noun -> verb derivations (nominalizations)
#include "ingest/extract/extractor.h"       // the Extractor, its options and budget
#include "ingest/extract/proposition.h"     // propositions and their graph form
#include "ingest/extract/text_extractor.h"  // text -> facts with the shipped models

// Training the entity recognizer (ingest/nlp/ner.h) from the named mentions
// of GUM train and dev and the UNER annotation of the EWT dev sentences
// (never the test sets: those measure it).
#pragma once

#include "base/status.h"
#include "ingest/nlp/train/trainers.h"

namespace kg::train {

// Writes <out_dir>/ner.kgm. When <out_dir>/tagger.kgm exists the training
// words are retagged with it, so the recognizer learns from the tags it
// will see at run time; otherwise the treebanks' gold tags are used.
Status train_ner(const TrainOptions& options);

}  // namespace kg::train

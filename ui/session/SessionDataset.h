// The one place the window turns a session's data choice into an lstm::Dataset: a built-in
// generator, a text file, or a CSV file (the table the import dialog already read when the
// session carries one, else the file read anew). Called on the worker thread, never on the
// UI thread, since reading a file may take a while. Not the model.
#pragma once

#include "session/SessionSettings.h"

#include "data/Dataset.h"

#include <memory>

// Throws std::invalid_argument, lstm::CsvImportError or lstm::TextError with a sentence
// that names the file and what is wrong with it.
std::unique_ptr<lstm::Dataset> makeSessionDataset(const SessionSettings& settings);

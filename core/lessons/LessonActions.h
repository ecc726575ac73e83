// The verbs a lesson's links may use, what each takes, and the check of one link:
//   setup   dataset=NAME [PARAM=V ...] [cell=.. lr=.. ...]  data and model, then a new model
//   compare cells=A,B[,C,D] [dataset=NAME ...]             a side-by-side comparison
//   play    [until=N]                                      train, pausing at step N
//   pause | step | reset                                   as the toolbar's buttons
//   speed   value=N|max                                    steps per second
//   trace   t=N [phase=forward|backward]                   step through to timestep t
//   unit    u=N [layer=L]                                  select a unit in the inspector
//   page    name=training|cell|heatmaps|gradients|text|compare
// The window carries them out (ui/lessons); here they are only described and checked.
#pragma once

#include "lessons/Lesson.h"

#include <string>
#include <vector>

namespace lstm {

const std::vector<std::string>& lessonVerbs();
const std::vector<std::string>& lessonPages();

// Throws std::invalid_argument with a sentence naming what is wrong with the link.
void checkLessonAction(const LessonAction& action);

} // namespace lstm

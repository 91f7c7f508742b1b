/* desk-error.h — the error domain of the story model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DESK_MODEL_ERROR (desk_model_error_quark ())

typedef enum {
  DESK_MODEL_ERROR_INVALID,   /* a value the model cannot hold */
  DESK_MODEL_ERROR_TOO_LARGE, /* over a size limit */
} DeskModelError;

GQuark desk_model_error_quark (void);

G_END_DECLS

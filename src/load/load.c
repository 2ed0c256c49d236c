#include "load/load.h"

#include "load/plan.h"
#include "util/arena.h"

#include <string.h>

static int build_model(struct rp_xnode *root, const char *path, struct rp_arena *arena,
                       struct rp_diags *diags, struct rp_file *out)
{
    int status = -1;
    size_t errors_before = diags->errors;
    memset(out, 0, sizeof *out);
    if (!root)
        return status;
    const char *lang = rp_xnode_attr(root, "xml:lang");
    struct rp_reader reader = {arena, diags, rp_arena_strdup(arena, lang ? lang : "fr"), NULL, 0, 0,
                               NULL,  0};
    out->path = path;
    if (strcmp(root->name, "plan") == 0) {
        out->plan = rp_read_plan(&reader, root);
        out->kind = RP_FILE_PLAN;
    } else if (strcmp(root->name, "evaluation") == 0) {
        out->evaluation = rp_read_evaluation(&reader, root);
        out->kind = RP_FILE_EVALUATION;
    } else {
        rp_diag_add(diags, RP_ERROR, path, root->loc.line, root->loc.col,
                    "root element <%s> is neither <plan> nor <evaluation>", root->name);
    }
    if (out->plan) {
        out->plan->placeholders = reader.placeholders;
        out->plan->placeholder_count = reader.placeholder_count;
        out->plan->rare_chars = reader.rare_chars;
        out->plan->rare_char_count = reader.rare_char_count;
    } else if (out->evaluation) {
        out->evaluation->placeholders = reader.placeholders;
        out->evaluation->placeholder_count = reader.placeholder_count;
        out->evaluation->rare_chars = reader.rare_chars;
        out->evaluation->rare_char_count = reader.rare_char_count;
    }
    if (diags->errors == errors_before && out->kind != RP_FILE_NONE)
        status = 0;
    else
        out->kind = RP_FILE_NONE;
    return status;
}

/* The element tree lives in a scratch arena freed once the model is built: the model keeps
 * copies of everything it needs. File names in locations point to the model arena's copy. */
int rp_load(const char *path, struct rp_arena *arena, struct rp_diags *diags, struct rp_file *out)
{
    const char *name = rp_arena_strdup(arena, path);
    struct rp_arena *scratch = rp_arena_new();
    int status =
        build_model(rp_xml_read(name, RP_SCHEMA_MODEL, scratch, diags), name, arena, diags, out);
    rp_arena_free(scratch);
    return status;
}

int rp_load_memory(const char *data, size_t size, const char *name, struct rp_arena *arena,
                   struct rp_diags *diags, struct rp_file *out)
{
    const char *file = rp_arena_strdup(arena, name);
    struct rp_arena *scratch = rp_arena_new();
    int status = build_model(rp_xml_read_memory(data, size, file, RP_SCHEMA_MODEL, scratch, diags),
                             file, arena, diags, out);
    rp_arena_free(scratch);
    return status;
}

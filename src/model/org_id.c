/* The organisation id rule (see org_id.h). */
#include "model/org_id.h"

#include <string.h>

static bool lower_or_digit(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool rp_org_id_valid(const char *id)
{
    size_t n = id ? strlen(id) : 0;
    if (n == 0 || n > 64 || !lower_or_digit(id[0]))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!lower_or_digit(id[i]) && id[i] != '-')
            return false;
    return true;
}

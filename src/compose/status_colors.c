/* Each status's colour in charts (see status.h): fixed by the status alone, never by which
 * other statuses a chart happens to show, so that a reader who learnt "green is achieved"
 * on one dashboard reads every other one, in any year and language, the same way. */
#include "compose/status.h"
#include "doc/doc.h"
#include "templates/theme.h"

int rp_indicator_status_color(enum rp_indicator_status status)
{
    /* Met and delivered both count as achieved but may share a chart: they need two hues. */
    static const enum rp_status_color hue[RP_IND_STATUS__MAX] = {
        [RP_IND_MET] = RP_STATUS_GREEN,
        [RP_IND_PARTIAL] = RP_STATUS_ORANGE,
        [RP_IND_NOT_MET] = RP_STATUS_VERMILLION,
        [RP_IND_DELIVERED] = RP_STATUS_BLUE,
        [RP_IND_NOT_DELIVERED] = RP_STATUS_PURPLE,
        [RP_IND_NOT_MEASURED] = RP_STATUS_GREY,
        [RP_IND_NORM_UNDEFINED] = RP_STATUS_SKY,
    };
    return RP_DOC_COLOR_STATUS +
           (int)((unsigned)status < RP_IND_STATUS__MAX ? hue[status] : RP_STATUS_GREY);
}

int rp_progress_color(int slot)
{
    static const enum rp_status_color hue[RP_PROGRESS_SLOTS] = {
        [RP_PROGRESS_NOT_STARTED] = RP_STATUS_SKY,      [RP_PROGRESS_ON_TRACK] = RP_STATUS_BLUE,
        [RP_PROGRESS_LATE] = RP_STATUS_ORANGE,          [RP_PROGRESS_DONE] = RP_STATUS_GREEN,
        [RP_PROGRESS_CANCELLED] = RP_STATUS_VERMILLION, [RP_PROGRESS_UNREPORTED] = RP_STATUS_GREY,
    };
    return RP_DOC_COLOR_STATUS +
           (int)(slot >= 0 && slot < RP_PROGRESS_SLOTS ? hue[slot] : RP_STATUS_GREY);
}

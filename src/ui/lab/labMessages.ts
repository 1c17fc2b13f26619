// The Token lab's English texts travel with the lab's chunk, not with the first load: importing this
// module registers them. The lab's entry (TokenLab) and every lab module that words text on its own import it.
import { lab } from '../../i18n/en/lab'
import { addEnglish } from '../../i18n/t'

addEnglish({ lab })
